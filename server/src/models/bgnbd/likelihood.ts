// BG/NBD log-likelihood, Fader, Hardie & Lee (2005) "Counting your customers the easy way", eq. 6,
// written as A1 + A2 + ln[(α+T)^-(r+x) + δ(x>0) a/(b+x-1) (α+t_x)^-(r+x)] with the last term
// by log-sum-exp (the two powers underflow separately for large x).
import { betaln, gammaln, logAddExp } from '../special';
import { fitPositive, type FitOptions, type FitResult } from '../optimize/mle';
import { MODEL_PARAMETERS } from '../parameters';
import { logShifted, type Patterns } from '../summary/patterns';
import { bgnbdGradient } from './gradient';
import { PULSE_MASK, type Pulse } from '../pulse';

export type BgNbdParams = Record<(typeof MODEL_PARAMETERS)['bgnbd'][number], number>;

/** Total weighted log-likelihood; θ = [r, α, a, b]. `pulse` is called every PULSE_STRIDE patterns. */
export function bgnbdLogLik(theta: ArrayLike<number>, p: Patterns, pulse?: Pulse): number {
  const [r, alpha, a, b] = theta as number[];
  const m = p.distinctX.length;
  // x-only terms, once per distinct x: lnΓ(r+x) - lnΓ(r) + r ln α + ln B(a, b+x) - ln B(a, b)
  const head = new Float64Array(m);
  const lnRatio = new Float64Array(m);
  const base = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
  for (let k = 0; k < m; k++) {
    const x = p.distinctX[k];
    head[k] = gammaln(r + x) + betaln(a, b + x) + base;
    lnRatio[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  const lnT = logShifted(alpha, p.distinctT),
    lnTx = logShifted(alpha, p.distinctTx);
  let ll = 0;
  for (let i = 0; i < p.count; i++) {
    if ((i & PULSE_MASK) === 0) pulse?.();
    const k = p.xIndex[i];
    const rx = r + p.x[i];
    const tail = logAddExp(-rx * lnT[p.TIndex[i]], lnRatio[k] - rx * lnTx[p.txIndex[i]]);
    ll += p.weight[i] * (head[k] + tail);
  }
  return ll;
}

export function fitBgNbd(p: Patterns, options: FitOptions = {}): FitResult<keyof BgNbdParams> {
  return fitPositive(
    MODEL_PARAMETERS.bgnbd,
    (t) => bgnbdLogLik(t, p, options.pulse),
    p.total,
    [1, 1, 1, 1],
    options,
    (t, g) => bgnbdGradient(t, p, g, options.pulse),
  );
}
