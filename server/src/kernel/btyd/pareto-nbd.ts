// Pareto/NBD (Schmittlein, Morrison & Colombo 1987) in the form of Fader & Hardie's note
// "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005): likelihood,
// P(alive), E[X(t)] and conditional expected purchases.
import gammaln from '@stdlib/math-base-special-gammaln';
import type { History } from '../models-port';
import { hyp2f1 } from './hyp2f1';
import type { Patterns } from './patterns';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * log of A0 · (the common scale), the integral term of the likelihood, evaluated with the
 * larger of α, β so that the 2F1 argument stays in [0, 1).
 */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const [big, b2] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const diff = Math.abs(alpha - beta);
  const first = -rsx * Math.log(big + tx) + Math.log(hyp2f1(rsx, b2, rsx + 1, diff / (big + tx)));
  const second = -rsx * Math.log(big + T) + Math.log(hyp2f1(rsx, b2, rsx + 1, diff / (big + T)));
  // first > second (the bracket is positive); log(e^first − e^second) without overflow.
  return first + Math.log1p(-Math.exp(second - first));
}

/** log[ (α+T)^(r+x) (β+T)^s · A0 ] per customer: how much the "died before T" branch weighs. */
function logRatio(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return (p.r + x) * Math.log(p.alpha + T) + p.s * Math.log(p.beta + T) + logA0(p, x, tx, T);
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, patterns: Patterns): number {
  const { r, alpha, s, beta } = p;
  const [xs, txs, Ts] = patterns.columns;
  const base = -gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
  let total = 0;
  for (let i = 0; i < patterns.count; i++) {
    const x = xs[i];
    const T = Ts[i];
    const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    const died = Math.log(s / (r + s + x)) + logA0(p, x, txs[i], T);
    const m = Math.max(alive, died);
    total += patterns.weight[i] * (gammaln(r + x) + base + m + Math.log(Math.exp(alive - m) + Math.exp(died - m)));
  }
  return total;
}

export function paretoNbdPAlive(p: ParetoNbdParams, h: History): Float64Array {
  const out = new Float64Array(h.frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i];
    out[i] = 1 / (1 + (p.s / (p.r + p.s + x)) * Math.exp(logRatio(p, x, h.recency[i], h.T[i])));
  }
  return out;
}

/** E[X(t)] for a customer `t` units after their first purchase. */
export function paretoNbdExpected(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return ((p.r * p.beta) / (p.alpha * (p.s - 1))) * (1 - Math.pow(p.beta / (p.beta + t), p.s - 1));
}

/** E[Y(t) | x, t_x, T] per customer. */
export function paretoNbdConditional(p: ParetoNbdParams, t: number, h: History): Float64Array {
  const alive = paretoNbdPAlive(p, h);
  const out = new Float64Array(alive.length);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i];
    const T = h.T[i];
    out[i] = t <= 0 ? 0 : (((p.r + x) * (p.beta + T)) / ((p.alpha + T) * (p.s - 1))) * (1 - Math.pow((p.beta + T) / (p.beta + T + t), p.s - 1)) * alive[i];
  }
  return out;
}
