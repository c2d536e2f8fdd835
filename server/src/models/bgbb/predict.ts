// BG/BB predictions, Fader, Hardie & Shang (2010): P(X(n)=x) (eq. 7), E[X(n)] (eq. 8),
// P(alive in n+1) (eq. 11), conditional expected transactions in the next n* opportunities (eq. 13).
import { betaln, gammaln } from '../special';
import type { History } from '../history';
import { bgbbLogLikOne, type BgBbParams } from './likelihood';

/** P(alive at opportunity n+1 | x, t_x, n); history recency = t_x, T = n. */
export function bgbbPAlive(p: BgBbParams, h: History): Float64Array {
  const { alpha, beta, gamma, delta } = p;
  return Float64Array.from({ length: h.frequency.length }, (_, i) => {
    const x = h.frequency[i],
      n = h.T[i];
    const lnAlive =
      betaln(alpha + x, beta + n - x) - betaln(alpha, beta) + betaln(gamma, delta + n + 1) - betaln(gamma, delta);
    return Math.exp(lnAlive - bgbbLogLikOne(p, x, h.recency[i], n));
  });
}

/** E[X(n, n+n*) | x, t_x, n]: expected transactions in the next `future` opportunities. */
export function bgbbConditionalExpected(p: BgBbParams, future: number, h: History): Float64Array {
  const { alpha, beta, gamma, delta } = p;
  return Float64Array.from({ length: h.frequency.length }, (_, i) => {
    const x = h.frequency[i],
      n = h.T[i];
    const lead = betaln(alpha + x + 1, beta + n - x) - betaln(alpha, beta) - bgbbLogLikOne(p, x, h.recency[i], n);
    // δ/(γ-1) Γ(γ+δ)/Γ(1+δ) [Γ(1+δ+n)/Γ(γ+δ+n) - Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]
    const g = gammaln(gamma + delta) - gammaln(1 + delta);
    const t1 = Math.exp(g + gammaln(1 + delta + n) - gammaln(gamma + delta + n));
    const t2 = Math.exp(g + gammaln(1 + delta + n + future) - gammaln(gamma + delta + n + future));
    return Math.exp(lead) * (delta / (gamma - 1)) * (t1 - t2);
  });
}

/** E[X(n)] for a new customer: α/(α+β) δ/(γ-1) [1 - Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))]. */
export function bgbbExpected(p: BgBbParams, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const ratio = Math.exp(
    gammaln(gamma + delta) + gammaln(1 + delta + n) - gammaln(gamma + delta + n) - gammaln(1 + delta),
  );
  return (alpha / (alpha + beta)) * (delta / (gamma - 1)) * (1 - ratio);
}

/** P(X(n) = x) for a new customer (eq. 7). */
export function bgbbProbability(p: BgBbParams, n: number, x: number): number {
  const { alpha, beta, gamma, delta } = p;
  const b0 = betaln(alpha, beta),
    g0 = betaln(gamma, delta);
  const lnChoose = (m: number, k: number) => gammaln(m + 1) - gammaln(k + 1) - gammaln(m - k + 1);
  let value = Math.exp(lnChoose(n, x) + betaln(alpha + x, beta + n - x) - b0 + betaln(gamma, delta + n) - g0);
  for (let i = x; i < n; i++)
    value += Math.exp(lnChoose(i, x) + betaln(alpha + x, beta + i - x) - b0 + betaln(gamma + 1, delta + i) - g0);
  return value;
}

/**
 * An alive customer at opportunity n+1 has the posterior θ ~ Beta(γ, δ+n+1) and
 * p ~ Beta(α+x, β+n-x); `t` counts whole future opportunities n+1 … n+t (rounded).
 * P(alive at opportunity n+t) = P(alive at n+1) B(γ, δ+n+t)/B(γ, δ+n+1).
 */
export function bgbbPAliveAfter(p: BgBbParams, t: number, h: History): Float64Array {
  const k = Math.max(1, Math.round(t));
  const out = bgbbPAlive(p, h);
  for (let i = 0; i < out.length; i++) {
    const n = h.T[i];
    out[i] *= Math.exp(betaln(p.gamma, p.delta + n + k) - betaln(p.gamma, p.delta + n + 1));
  }
  return out;
}

/**
 * P(no purchase at opportunities n+1 … n+t | x, t_x, n): dropped out before n+1, or alive at
 * n+1 and not buying at any of the k opportunities it is still alive for:
 *   Σ_{k=1}^{t-1} E[(1-p)^k] E[θ(1-θ)^(k-1)] + E[(1-p)^t] E[(1-θ)^(t-1)] (posteriors above).
 */
export function bgbbPNoPurchase(p: BgBbParams, t: number, h: History): Float64Array {
  const { alpha, beta, gamma, delta } = p;
  const horizon = Math.max(1, Math.round(t));
  const out = bgbbPAlive(p, h);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i],
      n = h.T[i];
    const pNone = (k: number) => betaln(alpha + x, beta + n - x + k) - betaln(alpha + x, beta + n - x);
    const g0 = betaln(gamma, delta + n + 1);
    let none = Math.exp(pNone(horizon) + betaln(gamma, delta + n + horizon) - g0);
    for (let k = 1; k < horizon; k++) none += Math.exp(pNone(k) + betaln(gamma + 1, delta + n + k) - g0);
    out[i] = 1 - out[i] + out[i] * none;
  }
  return out;
}
