// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): likelihood,
// and the predictions the kernel needs — P(alive), E[X(t)], conditional expected purchases
// and their discounted sum over a horizon.
import betaln from '@stdlib/math-base-special-betaln';
import digamma from '@stdlib/math-base-special-digamma';
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

/** Distinct frequencies of the patterns, and each pattern's index into them. */
function frequencyIndex(xs: Float64Array): { values: number[]; of: Int32Array } {
  const index = new Map<number, number>();
  const values: number[] = [];
  const of = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    let k = index.get(xs[i]);
    if (k === undefined) index.set(xs[i], (k = values.push(xs[i]) - 1));
    of[i] = k;
  }
  return { values, of };
}

const byFrequency = new WeakMap<Patterns, ReturnType<typeof frequencyIndex>>();

/**
 * Log-likelihood summed over weighted (x, t_x, T) patterns, and its gradient in (r, α, a, b).
 * Every term that depends on x alone (log-gammas, log-betas, digammas) is computed once per
 * distinct x, which leaves a few logarithms per pattern.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, patterns: Patterns, wantGradient = false): { value: number; gradient: number[] } {
  const { r, alpha, a, b } = p;
  const [xs, txs, Ts] = patterns.columns;
  let fx = byFrequency.get(patterns);
  if (!fx) byFrequency.set(patterns, (fx = frequencyIndex(xs)));
  const lnBeta = betaln(a, b);
  const base = r * Math.log(alpha) - gammaln(r) - lnBeta;
  const A = fx.values.map((x) => gammaln(r + x) + base + betaln(a, b + x));
  const B = fx.values.map((x) => (x > 0 ? gammaln(r + x) + base + betaln(a + 1, b + x - 1) : -Infinity));
  // Derivatives of the x-only parts of t1 and t2.
  const dr = fx.values.map((x) => digamma(r + x) - digamma(r) + Math.log(alpha));
  const psiAB = digamma(a + b);
  const da1 = fx.values.map((x) => psiAB - digamma(a + b + x));
  const db1 = fx.values.map((x) => digamma(b + x) - digamma(a + b + x) - digamma(b) + psiAB);
  const da2 = fx.values.map((x) => digamma(a + 1) - digamma(a + b + x) - digamma(a) + psiAB);
  const db2 = fx.values.map((x) => (x > 0 ? digamma(b + x - 1) - digamma(a + b + x) - digamma(b) + psiAB : 0));
  let total = 0;
  const g = [0, 0, 0, 0];
  for (let i = 0; i < patterns.count; i++) {
    const k = fx.of[i];
    const x = xs[i];
    const w = patterns.weight[i];
    const lnT = Math.log(alpha + Ts[i]);
    const t1 = A[k] - (r + x) * lnT;
    let ll = t1;
    let w1 = 1;
    let lnTx = 0;
    if (x > 0) {
      lnTx = Math.log(alpha + txs[i]);
      const t2 = B[k] - (r + x) * lnTx;
      const m = Math.max(t1, t2);
      const e1 = Math.exp(t1 - m);
      const e2 = Math.exp(t2 - m);
      ll = m + Math.log(e1 + e2);
      w1 = e1 / (e1 + e2);
    }
    total += w * ll;
    if (!wantGradient) continue;
    const w2 = 1 - w1;
    g[0] += w * (dr[k] - w1 * lnT - w2 * lnTx);
    g[1] += w * (r / alpha - w1 * (r + x) / (alpha + Ts[i]) - (x > 0 ? w2 * (r + x) / (alpha + txs[i]) : 0));
    g[2] += w * (w1 * da1[k] + w2 * da2[k]);
    g[3] += w * (w1 * db1[k] + w2 * db2[k]);
  }
  return { value: total, gradient: g };
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
