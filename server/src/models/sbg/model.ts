// Shifted-beta-geometric (sBG) contractual retention, Fader & Hardie (2007) "How to project
// customer retention", J. Interactive Marketing 21(1). For a cohort observed for n periods:
//   P(T = t) = B(α+1, β+t-1)/B(α,β),  S(t) = B(α, β+t)/B(α,β),
//   ln L = Σ_{t=1}^{n} (lost in t) ln P(T=t) + (alive at n) ln S(n).
// Residual value: Fader & Hardie (2010) "Customer-base valuation in a contractual setting".
import { betaln, hyp2f1 } from '../special';
import { fitPositive, type FitOptions, type FitResult } from '../optimize/mle';
import { MODEL_PARAMETERS } from '../parameters';

export type SbgParams = Record<(typeof MODEL_PARAMETERS)['sbg'][number], number>;

function checkSurvivors(survivors: ArrayLike<number>): void {
  if (survivors.length < 2) throw new RangeError('sBG: need survivors for period 0 and at least one later period');
  for (let t = 1; t < survivors.length; t++) {
    if (!(survivors[t] >= 0) || survivors[t] > survivors[t - 1])
      throw new RangeError(`sBG: survivors must not increase (period ${t}: ${survivors[t]} after ${survivors[t - 1]})`);
  }
  if (!(survivors[0] > 0)) throw new RangeError('sBG: the cohort is empty at period 0');
}

/** survivors[0] = cohort size, survivors[t] = still active at the end of period t. */
export function sbgLogLik(theta: ArrayLike<number>, survivors: ArrayLike<number>): number {
  const [alpha, beta] = theta as number[];
  const b0 = betaln(alpha, beta);
  const n = survivors.length - 1;
  let ll = 0;
  for (let t = 1; t <= n; t++) {
    const lost = survivors[t - 1] - survivors[t];
    if (lost > 0) ll += lost * (betaln(alpha + 1, beta + t - 1) - b0);
  }
  return ll + survivors[n] * (betaln(alpha, beta + n) - b0);
}

export function fitSbg(survivors: ArrayLike<number>, options: FitOptions = {}): FitResult<keyof SbgParams> {
  checkSurvivors(survivors);
  return fitPositive(MODEL_PARAMETERS.sbg, (t) => sbgLogLik(t, survivors), survivors[0], [1, 1], options);
}

/** S(t) for t = 0..periods (fraction of the cohort still active). */
export function sbgSurvival(p: SbgParams, periods: number): Float64Array {
  const b0 = betaln(p.alpha, p.beta);
  return Float64Array.from({ length: periods + 1 }, (_, t) => Math.exp(betaln(p.alpha, p.beta + t) - b0));
}

/**
 * Discounted expected residual lifetime, in payments, of a customer who has made `renewals`
 * renewals and now faces the next renewal decision (Fader & Hardie 2010, eq. 6 with n-1 = renewals):
 *   DERL = Σ_{k>=0} S(m+1+k)/S(m) (1+d)^-k = (β+m)/(α+β+m) · 2F1(1, β+m+1; α+β+m+1; 1/(1+d)).
 * The next payment (made if the customer renews) is undiscounted; later ones are discounted by
 * (1+d)^-k. `d` is the discount rate PER PERIOD of the cohort data (convert annual rates first).
 */
export function sbgDiscountedResidualLifetime(p: SbgParams, discountPerPeriod: number, renewals = 0): number {
  const n = renewals;
  return (
    ((p.beta + n) / (p.alpha + p.beta + n)) *
    hyp2f1(1, p.beta + n + 1, p.alpha + p.beta + n + 1, 1 / (1 + discountPerPeriod))
  );
}

/**
 * DEL: discounted expected lifetime of a just-acquired customer, first payment (certain) at
 * t = 0: 2F1(1, β; α+β; 1/(1+d)).
 */
export function sbgDiscountedLifetime(p: SbgParams, discountPerPeriod: number): number {
  return hyp2f1(1, p.beta, p.alpha + p.beta, 1 / (1 + discountPerPeriod));
}
