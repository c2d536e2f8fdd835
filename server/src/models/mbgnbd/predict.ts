// MBG/NBD predictions (Batislam et al. 2007, eqs. for P(alive) and E[Y(t)|...]), with the same
// Pfaff rewrite of the 2F1 term as the BG/NBD (see bgnbd/predict.ts).
import { hyp2f1 } from '../special';
import { perFrequencyAndAge, type History } from '../history';
import type { MbgNbdParams } from './likelihood';
import { noPurchase } from '../bgnbd/predict';

function pAliveOne(p: MbgNbdParams, x: number, tx: number, T: number): number {
  const lnOdds = Math.log(p.a) - Math.log(p.b + x) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

export function mbgnbdPAlive(p: MbgNbdParams, h: History): Float64Array {
  return Float64Array.from({ length: h.frequency.length }, (_, i) =>
    pAliveOne(p, h.frequency[i], h.recency[i], h.T[i]),
  );
}

/** Expected purchases in the next t units of one alive at T after x repeat purchases (below, without P(alive)). */
export function mbgnbdExpectedIfAlive(p: MbgNbdParams, t: number, x: number, T: number): number {
  return ((p.a + p.b + x) / (p.a - 1)) * (1 - hyp2f1(p.r + x, p.a - 1, p.a + p.b + x, -t / (p.alpha + T)));
}

/** E[Y(t)|x,t_x,T] = (a+b+x)/(a-1) [1 - (1-z)^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] P(alive), z = t/(α+T+t). */
export function mbgnbdConditionalExpected(p: MbgNbdParams, t: number, h: History): Float64Array {
  const f = perFrequencyAndAge(h, (x, T) => mbgnbdExpectedIfAlive(p, t, x, T));
  for (let i = 0; i < f.length; i++) f[i] *= pAliveOne(p, h.frequency[i], h.recency[i], h.T[i]);
  return f;
}

/** E[X(t)] for a new customer: b/(a-1) [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))], Pfaff-rewritten. */
export function mbgnbdExpected(p: MbgNbdParams, t: number): number {
  return (p.b / (p.a - 1)) * (1 - hyp2f1(p.r, p.a - 1, p.a + p.b, -t / p.alpha));
}

/**
 * P(alive at T + t | x, t_x, T), as for the BG/NBD (bgnbd/predict.ts) with the MBG/NBD's
 * posterior p ~ Beta(a, b+x+1) of an alive customer (one more drop-out chance, at time 0).
 */
export function mbgnbdPAliveAfter(p: MbgNbdParams, t: number, h: History): Float64Array {
  const alive = mbgnbdPAlive(p, h);
  const f = perFrequencyAndAge(h, (x, T) => hyp2f1(p.r + x, p.a, p.a + p.b + x + 1, -t / (p.alpha + T)));
  for (let i = 0; i < f.length; i++) f[i] *= alive[i];
  return f;
}

/** P(no purchase in (T, T+t] | x, t_x, T): 1 - P(alive) + P(alive) ((α+T)/(α+T+t))^(r+x). */
export function mbgnbdPNoPurchase(p: MbgNbdParams, t: number, h: History): Float64Array {
  return noPurchase(mbgnbdPAlive(p, h), p.r, p.alpha, t, h);
}
