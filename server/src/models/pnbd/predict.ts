// Pareto/NBD predictions: P(alive) and conditional expectation from Schmittlein, Morrison &
// Colombo (1987) as restated in Fader, Hardie & Lee (2005, "A note on implementing the Pareto/NBD
// model in MATLAB"), using the same log-space A0 as the likelihood.
import type { History } from '../history';
import { paretoLogA0, type ParetoNbdParams } from './likelihood';

function pAliveOne(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lnOdds =
    Math.log(s) -
    Math.log(r + s + x) +
    (r + x) * Math.log(alpha + T) +
    s * Math.log(beta + T) +
    paretoLogA0(r, alpha, s, beta, x, tx, T);
  return 1 / (1 + Math.exp(lnOdds));
}

export function paretoPAlive(p: ParetoNbdParams, h: History): Float64Array {
  return Float64Array.from({ length: h.frequency.length }, (_, i) =>
    pAliveOne(p, h.frequency[i], h.recency[i], h.T[i]),
  );
}

/** Expected purchases in the next t units of one alive at T after x repeat purchases (below, without P(alive)). */
export function paretoExpectedIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, s, beta } = p;
  // (1 - u^(s-1))/(s-1) → -ln u as s → 1: expm1/log1p keep it accurate there.
  const lnU = Math.log((beta + T) / (beta + T + t));
  const shrink = Math.abs(s - 1) < 1e-8 ? -lnU : -Math.expm1((s - 1) * lnU) / (s - 1);
  return (((r + x) * (beta + T)) / (alpha + T)) * shrink;
}

/** E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)] · P(alive). */
export function paretoConditionalExpected(p: ParetoNbdParams, t: number, h: History): Float64Array {
  const out = new Float64Array(h.frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i],
      T = h.T[i];
    out[i] = paretoExpectedIfAlive(p, t, x, T) * pAliveOne(p, x, h.recency[i], T);
  }
  return out;
}

/** E[X(t)] for a new customer: rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)]. */
export function paretoExpected(p: ParetoNbdParams, t: number): number {
  const lnU = Math.log(p.beta / (p.beta + t));
  const shrink = Math.abs(p.s - 1) < 1e-8 ? -lnU : -Math.expm1((p.s - 1) * lnU) / (p.s - 1);
  return ((p.r * p.beta) / p.alpha) * shrink;
}
