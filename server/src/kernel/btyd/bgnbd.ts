// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): likelihood,
// and the predictions the kernel needs — P(alive), E[X(t)], conditional expected purchases
// and their discounted sum over a horizon.
import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { History } from '../models-port';
import { hyp2f1 } from './hyp2f1';
import type { Patterns } from './patterns';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Log-likelihood summed over weighted (x, t_x, T) patterns. */
export function bgnbdLogLikelihood(p: BgNbdParams, patterns: Patterns): number {
  const { r, alpha, a, b } = p;
  const [xs, txs, Ts] = patterns.columns;
  const lnBeta = betaln(a, b);
  const base = r * Math.log(alpha) - gammaln(r);
  let total = 0;
  for (let i = 0; i < patterns.count; i++) {
    const x = xs[i];
    const common = gammaln(r + x) + base;
    const term1 = common + betaln(a, b + x) - lnBeta - (r + x) * Math.log(alpha + Ts[i]);
    let ll = term1;
    if (x > 0) {
      const term2 = common + betaln(a + 1, b + x - 1) - lnBeta - (r + x) * Math.log(alpha + txs[i]);
      const m = Math.max(term1, term2);
      ll = m + Math.log(Math.exp(term1 - m) + Math.exp(term2 - m));
    }
    total += patterns.weight[i] * ll;
  }
  return total;
}

export function bgnbdPAlive(p: BgNbdParams, h: History): Float64Array {
  const out = new Float64Array(h.frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i];
    out[i] = x === 0 ? 1 : 1 / (1 + (p.a / (p.b + x - 1)) * Math.pow((p.alpha + h.T[i]) / (p.alpha + h.recency[i]), p.r + x));
  }
  return out;
}

/** E[X(t)]: expected purchases of a customer in the first `t` units after their first purchase. */
export function bgnbdExpected(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return 0;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/** E[Y(t) | x, t_x, T] per customer. */
export function bgnbdConditional(p: BgNbdParams, t: number, h: History): Float64Array {
  const { r, alpha, a, b } = p;
  const out = new Float64Array(h.frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i];
    const T = h.T[i];
    const tx = h.recency[i];
    const z = t / (alpha + T + t);
    const numerator = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
    const denominator = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
    out[i] = t <= 0 ? 0 : numerator / denominator;
  }
  return out;
}
