// Analytic gradient of the BG/NBD log-likelihood (bgnbd/likelihood.ts), so each BFGS iteration
// costs one pass over the patterns instead of nine. With ll = head(x) + ln(e^A + e^B),
//   A = -(r+x) ln(α+T),  B = ln a - ln(b+x-1) - (r+x) ln(α+t_x) (absent for x = 0),
//   head = lnΓ(r+x) - lnΓ(r) + r ln α + ln B(a, b+x) - ln B(a, b),
// the derivatives are head's (digamma terms, once per distinct x) plus the softmax-weighted
// derivatives of A and B.
import digamma from '@stdlib/math-base-special-digamma';
import { logShifted, type Patterns } from '../summary/patterns';
import { PULSE_MASK, type Pulse } from '../pulse';

export function bgnbdGradient(theta: ArrayLike<number>, p: Patterns, out: Float64Array, pulse?: Pulse): void {
  const [r, alpha, a, b] = theta as number[];
  const m = p.distinctX.length;
  const dHead = new Float64Array(4 * m);
  // ln a - ln(b+x-1), once per distinct x (x > 0 only).
  const lnRatio = new Float64Array(m);
  const psiR = digamma(r),
    psiB = digamma(b),
    psiAB = digamma(a + b);
  for (let k = 0; k < m; k++) {
    const x = p.distinctX[k],
      psiABX = digamma(a + b + x);
    dHead[4 * k] = digamma(r + x) - psiR + Math.log(alpha);
    dHead[4 * k + 1] = r / alpha;
    dHead[4 * k + 2] = psiAB - psiABX;
    dHead[4 * k + 3] = digamma(b + x) - psiABX - psiB + psiAB;
    lnRatio[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  const lnTs = logShifted(alpha, p.distinctT),
    lnTxs = logShifted(alpha, p.distinctTx);
  let gr = 0,
    gAlpha = 0,
    ga = 0,
    gb = 0;
  for (let i = 0; i < p.count; i++) {
    if ((i & PULSE_MASK) === 0) pulse?.();
    const k = p.xIndex[i],
      x = p.x[i],
      w = p.weight[i],
      rx = r + x;
    const lnT = lnTs[p.TIndex[i]];
    let dr = dHead[4 * k] - lnT,
      dAlpha = dHead[4 * k + 1] - rx / (alpha + p.T[i]),
      da = dHead[4 * k + 2],
      db = dHead[4 * k + 3];
    if (x > 0) {
      const lnTx = lnTxs[p.txIndex[i]];
      const A = -rx * lnT,
        B = lnRatio[k] - rx * lnTx;
      const s = 1 / (1 + Math.exp(A - B)); // weight of the B term
      dr += s * (lnT - lnTx);
      dAlpha += s * (rx / (alpha + p.T[i]) - rx / (alpha + p.tx[i]));
      da += s / a;
      db -= s / (b + x - 1);
    }
    gr += w * dr;
    gAlpha += w * dAlpha;
    ga += w * da;
    gb += w * db;
  }
  out[0] = gr;
  out[1] = gAlpha;
  out[2] = ga;
  out[3] = gb;
}
