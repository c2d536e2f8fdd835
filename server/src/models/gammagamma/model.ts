// Gamma-Gamma spend model, Fader & Hardie (2013) "The Gamma-Gamma model of monetary value"
// (note 025) and Fader, Hardie & Lee (2005, JMR). For a customer with x repeat transactions of
// mean value m̄ (x > 0 only), the likelihood of m̄ is
//   ln L = lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln γ + (px-1) ln m̄ + px ln x - (px+q) ln(γ + x m̄)
// (the px ln x term is the Jacobian of the mean; lifetimes and CLVTools include it too).
// Sufficient statistics: everything but the last term depends on the customer only through x
// and Σ ln m̄, so the gamma functions are evaluated once per distinct x; the last term's sum
// (SpendTerms) is the only pass over customers, and can be computed where they are (a SQL engine).
import { gammaln } from '../special';
import { fitPositive, type FitOptions, type FitResult } from '../optimize/mle';
import { MODEL_PARAMETERS } from '../parameters';
import { PULSE_MASK, type Pulse } from '../pulse';
import { gammaGammaGradient } from './gradient';

export type GammaGammaParams = Record<(typeof MODEL_PARAMETERS)['gamma_gamma'][number], number>;

/**
 * The two sums over customers that the likelihood and its gradient need at a given γ, per
 * distinct x (in `distinctX` order): Σ w ln(γ + x m̄) and Σ w / (γ + x m̄). Everything else is
 * per distinct x, so whoever holds the customers (this process, or a SQL engine) computes these.
 */
export interface SpendTerms {
  ln: Float64Array;
  inverse: Float64Array;
}

/** Customers with x > 0 and m̄ > 0: per distinct x Σ weight and Σ weight·ln m̄, and their terms at any γ. */
export interface SpendData {
  count: number;
  total: number;
  distinctX: Float64Array;
  weightOfX: Float64Array;
  lnMeanOfX: Float64Array;
  terms(gamma: number, pulse?: Pulse): SpendTerms;
}

/** Keeps customers with repeat purchases and positive mean spend (others carry no spend information). */
export function spendData(
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  weight?: ArrayLike<number> | null,
): SpendData {
  const xs: number[] = [],
    ms: number[] = [],
    ws: number[] = [],
    groupOf: number[] = [];
  const byX = new Map<number, [number, number, number]>();
  let total = 0;
  for (let i = 0; i < frequency.length; i++) {
    const w = weight ? weight[i] : 1,
      x = frequency[i],
      m = monetary[i];
    if (!(x > 0 && m > 0 && w > 0)) continue;
    const acc = byX.get(x) ?? [0, 0, byX.size];
    acc[0] += w;
    acc[1] += w * Math.log(m);
    byX.set(x, acc);
    xs.push(x);
    ms.push(m);
    ws.push(w);
    groupOf.push(acc[2]);
    total += w;
  }
  const groups = [...byX.entries()];
  const x = Float64Array.from(xs),
    mean = Float64Array.from(ms),
    w = Float64Array.from(ws),
    group = Int32Array.from(groupOf);
  // The likelihood and the gradient ask for the same γ in turn: keep the last answer.
  let last: { gamma: number; terms: SpendTerms } | null = null;
  const terms = (gamma: number, pulse?: Pulse): SpendTerms => {
    if (last?.gamma === gamma) return last.terms;
    const ln = new Float64Array(groups.length),
      inverse = new Float64Array(groups.length);
    for (let i = 0; i < x.length; i++) {
      if ((i & PULSE_MASK) === 0) pulse?.();
      const den = gamma + x[i] * mean[i];
      ln[group[i]] += w[i] * Math.log(den);
      inverse[group[i]] += w[i] / den;
    }
    last = { gamma, terms: { ln, inverse } };
    return last.terms;
  };
  return {
    count: xs.length,
    total,
    distinctX: Float64Array.from(groups, (g) => g[0]),
    weightOfX: Float64Array.from(groups, (g) => g[1][0]),
    lnMeanOfX: Float64Array.from(groups, (g) => g[1][1]),
    terms,
  };
}

export function gammaGammaLogLik(theta: ArrayLike<number>, d: SpendData, pulse?: Pulse): number {
  const [p, q, gamma] = theta as number[];
  const c = -gammaln(q) + q * Math.log(gamma);
  const { ln } = d.terms(gamma, pulse);
  let ll = 0;
  for (let k = 0; k < d.distinctX.length; k++) {
    const x = d.distinctX[k],
      px = p * x;
    ll +=
      d.weightOfX[k] * (gammaln(px + q) - gammaln(px) + c + px * Math.log(x)) +
      (px - 1) * d.lnMeanOfX[k] -
      (px + q) * ln[k];
  }
  return ll;
}

export function fitGammaGamma(d: SpendData, options: FitOptions = {}): FitResult<keyof GammaGammaParams> {
  if (d.count === 0)
    throw new RangeError(
      'Gamma-Gamma: no customer has a repeat purchase with a positive amount; spend cannot be modelled',
    );
  return fitPositive(
    MODEL_PARAMETERS.gamma_gamma,
    (t) => gammaGammaLogLik(t, d, options.pulse),
    d.total,
    [1, 1, 1],
    options,
    (t, g) => gammaGammaGradient(t, d, g, options.pulse),
  );
}

/**
 * E[M | x, m̄] = (p(γ + x m̄)) / (px + q - 1) (note 025 eq. 5); the population mean pγ/(q-1) for
 * x = 0 or an unknown mean. Requires q > 1 (a finite mean), else throws with the reason.
 */
export function gammaGammaExpectedSpend(
  g: GammaGammaParams,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number> | null,
): Float64Array {
  if (!(g.q > 1)) throw new RangeError(`Gamma-Gamma: q = ${g.q} <= 1 gives an infinite mean spend`);
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = frequency[i],
      m = monetary ? monetary[i] : NaN;
    out[i] = x > 0 && m > 0 ? (g.p * (g.gamma + x * m)) / (g.p * x + g.q - 1) : (g.p * g.gamma) / (g.q - 1);
  }
  return out;
}
