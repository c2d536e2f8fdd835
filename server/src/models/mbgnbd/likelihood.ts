// MBG/NBD (Batislam, Denizel & Filiztekin 2007): like BG/NBD, but a customer may also drop out
// right after the first purchase, so the dropout term is present for x = 0 too:
//   L = Γ(r+x)α^r/Γ(r) · B(a, b+x+1)/B(a,b) · [(α+T)^-(r+x) + a/(b+x) (α+t_x)^-(r+x)]
// (same form as lifetimes' ModifiedBetaGeoFitter and BTYDplus mbgcnbd with k = 1).
import { betaln, gammaln, logAddExp } from '../special';
import { fitPositive, type FitOptions, type FitResult } from '../optimize/mle';
import { MODEL_PARAMETERS } from '../parameters';
import { logShifted, type Patterns } from '../summary/patterns';
import { PULSE_MASK, type Pulse } from '../pulse';

export type MbgNbdParams = Record<(typeof MODEL_PARAMETERS)['mbgnbd'][number], number>;

export function mbgnbdLogLik(theta: ArrayLike<number>, p: Patterns, pulse?: Pulse): number {
  const [r, alpha, a, b] = theta as number[];
  const m = p.distinctX.length;
  const head = new Float64Array(m),
    lnRatio = new Float64Array(m);
  const base = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
  for (let k = 0; k < m; k++) {
    const x = p.distinctX[k];
    head[k] = gammaln(r + x) + betaln(a, b + x + 1) + base;
    lnRatio[k] = Math.log(a) - Math.log(b + x);
  }
  const lnT = logShifted(alpha, p.distinctT),
    lnTx = logShifted(alpha, p.distinctTx);
  let ll = 0;
  for (let i = 0; i < p.count; i++) {
    if ((i & PULSE_MASK) === 0) pulse?.();
    const k = p.xIndex[i],
      rx = r + p.x[i];
    ll += p.weight[i] * (head[k] + logAddExp(-rx * lnT[p.TIndex[i]], lnRatio[k] - rx * lnTx[p.txIndex[i]]));
  }
  return ll;
}

export function fitMbgNbd(p: Patterns, options: FitOptions = {}): FitResult<keyof MbgNbdParams> {
  return fitPositive(MODEL_PARAMETERS.mbgnbd, (t) => mbgnbdLogLik(t, p, options.pulse), p.total, [1, 1, 1, 1], options);
}
