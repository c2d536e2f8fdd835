// MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD where a customer may also drop out
// right after the first purchase, so even x = 0 carries a drop-out branch. Expressions as in
// lifetimes' ModifiedBetaGeoFitter and BTYDplus.
import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { History } from '../models-port';
import type { BgNbdParams } from './bgnbd';
import { hyp2f1 } from './hyp2f1';
import type { Patterns } from './patterns';

export function mbgnbdLogLikelihood(p: BgNbdParams, patterns: Patterns): number {
  const { r, alpha, a, b } = p;
  const [xs, txs, Ts] = patterns.columns;
  const base = r * Math.log(alpha) - gammaln(r) - betaln(a, b);
  let total = 0;
  for (let i = 0; i < patterns.count; i++) {
    const x = xs[i];
    const common = gammaln(r + x) + base;
    const alive = common + betaln(a, b + x + 1) - (r + x) * Math.log(alpha + Ts[i]);
    const dead = common + betaln(a + 1, b + x) - (r + x) * Math.log(alpha + txs[i]);
    const m = Math.max(alive, dead);
    total += patterns.weight[i] * (m + Math.log(Math.exp(alive - m) + Math.exp(dead - m)));
  }
  return total;
}

function deadOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  return (p.a / (p.b + x)) * Math.pow((p.alpha + T) / (p.alpha + tx), p.r + x);
}

export function mbgnbdPAlive(p: BgNbdParams, h: History): Float64Array {
  return Float64Array.from(h.frequency, (x, i) => 1 / (1 + deadOdds(p, x, h.recency[i], h.T[i])));
}

export function mbgnbdConditional(p: BgNbdParams, t: number, h: History): Float64Array {
  const { r, alpha, a, b } = p;
  return Float64Array.from(h.frequency, (x, i) => {
    if (t <= 0) return 0;
    const T = h.T[i];
    const z = t / (alpha + T + t);
    const numerator = ((a + b + x) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x + 1, a + b + x, z));
    return numerator / (1 + deadOdds(p, x, h.recency[i], T));
  });
}

export function mbgnbdExpected(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return 0;
  return ((a + b - 1) / (a - 1)) * (1 - hyp2f1(r, b + 1, a + b, t / (alpha + t)) * Math.pow(alpha / (alpha + t), r));
}
