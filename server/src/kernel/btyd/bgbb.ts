// BG/BB (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time
// noncontractual setting"): per opportunity an alive customer transacts with probability
// p ~ Beta(α, β) and drops out for good with probability θ ~ Beta(γ, δ). A history is
// (x transactions, last at opportunity t_x, n opportunities): frequency, recency, T.
import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { History } from '../models-port';
import type { Patterns } from './patterns';

export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

function logLikelihoodOne(p: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const lnB1 = betaln(alpha, beta);
  const lnB2 = betaln(gamma, delta);
  const terms = [betaln(alpha + x, beta + n - x) - lnB1 + betaln(gamma, delta + n) - lnB2];
  for (let i = 0; i <= n - tx - 1; i++) terms.push(betaln(alpha + x, beta + tx - x + i) - lnB1 + betaln(gamma + 1, delta + tx + i) - lnB2);
  const m = Math.max(...terms);
  return m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0));
}

export function bgbbLogLikelihood(p: BgBbParams, patterns: Patterns): number {
  const [xs, txs, ns] = patterns.columns;
  let total = 0;
  for (let i = 0; i < patterns.count; i++) total += patterns.weight[i] * logLikelihoodOne(p, xs[i], txs[i], ns[i]);
  return total;
}

/** P(alive at the next opportunity | x, t_x, n). */
export function bgbbPAlive(p: BgBbParams, h: History): Float64Array {
  return Float64Array.from(h.frequency, (x, i) => {
    const n = h.T[i];
    const lnAlive = betaln(p.alpha + x, p.beta + n - x) - betaln(p.alpha, p.beta) + betaln(p.gamma, p.delta + n + 1) - betaln(p.gamma, p.delta);
    return Math.exp(lnAlive - logLikelihoodOne(p, x, h.recency[i], n));
  });
}

/** Expected transactions in the next `t` opportunities given each history. */
export function bgbbConditional(p: BgBbParams, t: number, h: History): Float64Array {
  const { alpha, beta, gamma, delta } = p;
  const scale = (delta / (gamma - 1)) * Math.exp(gammaln(gamma + delta) - gammaln(1 + delta));
  return Float64Array.from(h.frequency, (x, i) => {
    const n = h.T[i];
    const lead = Math.exp(betaln(alpha + x + 1, beta + n - x) - betaln(alpha, beta) - logLikelihoodOne(p, x, h.recency[i], n));
    const now = Math.exp(gammaln(1 + delta + n) - gammaln(gamma + delta + n));
    const later = Math.exp(gammaln(1 + delta + n + t) - gammaln(gamma + delta + n + t));
    return t <= 0 ? 0 : lead * scale * (now - later);
  });
}

/** E[X(n)]: expected transactions in the first `n` opportunities. */
export function bgbbExpected(p: BgBbParams, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  if (n <= 0) return 0;
  return (alpha / (alpha + beta)) * (delta / (gamma - 1)) * (1 - Math.exp(gammaln(gamma + delta) - gammaln(gamma + delta + n) + gammaln(1 + delta + n) - gammaln(1 + delta)));
}
