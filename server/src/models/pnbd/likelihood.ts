// Pareto/NBD log-likelihood in the numerically stable form of Fader & Hardie's note
// "Deriving the Pareto/NBD likelihood" / Fader, Hardie & Lee (2005) appendix:
//   L = Γ(r+x) α^r β^s / Γ(r) · [ 1/((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A0 ],
//   A0 = F(t_x) - F(T),  F(y) = 2F1(r+s+x, m; r+s+x+1; |α-β|/(max(α,β)+y)) / (max(α,β)+y)^(r+s+x)
// with m = s+1 when α >= β and r+x when α < β, as in lifetimes/CLVTools. A0 is a difference of two
// close numbers: it is formed in log space (log-sub-exp) and the bracket by log-add-exp.
import { gammaln, hyp2f1, logAddExp, logSubExp } from '../special';
import { fitPositive, type FitOptions, type FitResult } from '../optimize/mle';
import { logShifted, type Patterns } from '../summary/patterns';

export type ParetoNbdParams = { r: number; alpha: number; s: number; beta: number };
export const PNBD_NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** ln A0 (see above); -Infinity when t_x = T. */
export function paretoLogA0(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const big = Math.max(alpha, beta), diff = Math.abs(alpha - beta);
  const m = alpha >= beta ? s + 1 : r + x;
  const rsx = r + s + x;
  const lnF = (y: number) => Math.log(hyp2f1(rsx, m, rsx + 1, diff / (big + y))) - rsx * Math.log(big + y);
  return logSubExp(lnF(tx), lnF(T));
}

export function paretoNbdLogLik(theta: ArrayLike<number>, p: Patterns): number {
  const [r, alpha, s, beta] = theta as number[];
  // x-only and T-only terms once per distinct value (formula in the header).
  const head = Float64Array.from(p.distinctX, (x) => gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta));
  const lnAlphaT = logShifted(alpha, p.distinctT), lnBetaT = logShifted(beta, p.distinctT);
  const lnS = Math.log(s);
  let ll = 0;
  for (let i = 0; i < p.count; i++) {
    const x = p.x[i], k = p.TIndex[i];
    const first = -(r + x) * lnAlphaT[k] - s * lnBetaT[k];
    const second = lnS - Math.log(r + s + x) + paretoLogA0(r, alpha, s, beta, x, p.tx[i], p.T[i]);
    ll += p.weight[i] * (head[p.xIndex[i]] + logAddExp(first, second));
  }
  return ll;
}

export function fitParetoNbd(p: Patterns, options: FitOptions = {}): FitResult<keyof ParetoNbdParams> {
  return fitPositive(PNBD_NAMES, (t) => paretoNbdLogLik(t, p), p.total, [1, 1, 1, 1], options);
}
