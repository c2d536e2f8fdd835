// BG/NBD predictions, Fader, Hardie & Lee (2005) eqs. 8-10 and the note "Computing P(alive)
// using the BG/NBD model" (Hardie note 008). The hypergeometric terms are rewritten with the Pfaff
// transformation (A&S 15.3.4) so that (1-z)^(r+x) 2F1(r+x, b+x; a+b+x-1; z) with z = t/(α+T+t)
// becomes 2F1(r+x, a-1; a+b+x-1; -t/(α+T)): no huge power times a tiny one.
import { betaln, gammaln, hyp2f1 } from '../special';
import { perFrequencyAndAge, type History } from '../history';
import type { BgNbdParams } from './likelihood';

/** P(alive | x, t_x, T) (note 008): 1 / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x)). */
export function bgnbdPAlive(p: BgNbdParams, h: History): Float64Array {
  const n = h.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = pAliveOne(p, h.frequency[i], h.recency[i], h.T[i]);
  return out;
}

function pAliveOne(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const lnOdds = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * Expected repeat purchases in the next t units of a customer alive at T after x repeat
 * purchases: FHL 2005 eq. 10 without its P(alive) factor (it does not depend on t_x).
 */
export function bgnbdExpectedIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  return ((p.a + p.b + x - 1) / (p.a - 1)) * (1 - hyp2f1(p.r + x, p.a - 1, p.a + p.b + x - 1, -t / (p.alpha + T)));
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t units (FHL 2005 eq. 10). */
export function bgnbdConditionalExpected(p: BgNbdParams, t: number, h: History): Float64Array {
  const f = perFrequencyAndAge(h, (x, T) => bgnbdExpectedIfAlive(p, t, x, T));
  for (let i = 0; i < f.length; i++) f[i] *= pAliveOne(p, h.frequency[i], h.recency[i], h.T[i]);
  return f;
}

/** E[X(t)] for a new customer (FHL 2005 eq. 9). */
export function bgnbdExpected(p: BgNbdParams, t: number): number {
  return ((p.a + p.b - 1) / (p.a - 1)) * (1 - hyp2f1(p.r, p.a - 1, p.a + p.b - 1, -t / p.alpha));
}

/** P(X(t) = n) for a new customer (FHL 2005 eq. 8), each term in log space. */
export function bgnbdProbability(p: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lnA = Math.log(alpha / (alpha + t)),
    lnZ = Math.log(t / (alpha + t));
  const lnNb = (j: number) => gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * lnA + j * lnZ;
  let value = Math.exp(betaln(a, b + n) - betaln(a, b) + lnNb(n));
  if (n > 0) {
    let cdf = 0;
    for (let j = 0; j < n; j++) cdf += Math.exp(lnNb(j));
    value += Math.exp(betaln(a + 1, b + n - 1) - betaln(a, b)) * (1 - cdf);
  }
  return value;
}

/**
 * P(alive at T + t | x, t_x, T): alive at T, and no drop-out after any purchase in (T, T+t].
 * Given λ and p that is e^{-λpt}; over the posterior of the alive (λ ~ Gamma(r+x, α+T),
 * p ~ Beta(a, b+x)) it is E_p[(1 + pt/(α+T))^-(r+x)] = 2F1(r+x, a; a+b+x; -t/(α+T)).
 */
export function bgnbdPAliveAfter(p: BgNbdParams, t: number, h: History): Float64Array {
  const alive = bgnbdPAlive(p, h);
  const f = perFrequencyAndAge(h, (x, T) => hyp2f1(p.r + x, p.a, p.a + p.b + x, -t / (p.alpha + T)));
  for (let i = 0; i < f.length; i++) f[i] *= alive[i];
  return f;
}

/**
 * P(no purchase in (T, T+t] | x, t_x, T): dropped out already, or alive and no purchase (a BG/NBD
 * customer drops out only right after a purchase): 1 - P(alive) + P(alive) ((α+T)/(α+T+t))^(r+x).
 */
export function bgnbdPNoPurchase(p: BgNbdParams, t: number, h: History): Float64Array {
  return noPurchase(bgnbdPAlive(p, h), p.r, p.alpha, t, h);
}

/** 1 - P(alive) + P(alive) ((α+T)/(α+T+t))^(r+x), shared by the BG/NBD and the MBG/NBD. */
export function noPurchase(alive: Float64Array, r: number, alpha: number, t: number, h: History): Float64Array {
  for (let i = 0; i < alive.length; i++) {
    const T = h.T[i];
    const none = Math.exp((r + h.frequency[i]) * Math.log((alpha + T) / (alpha + T + t)));
    alive[i] = 1 - alive[i] + alive[i] * none;
  }
  return alive;
}
