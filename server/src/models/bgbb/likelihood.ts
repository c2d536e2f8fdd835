// BG/BB (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time noncontractual
// setting", eq. 5). For x transactions in n opportunities, last at t_x:
//   L = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
//     + Σ_{i=0}^{n-t_x-1} B(α+x, β+t_x-x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)
// summed in log space. Data arrive as weighted (x, t_x, n) patterns (e.g. the donations data).
import { betaln, logAddExp } from '../special';
import { fitPositive, type FitOptions, type FitResult } from '../optimize/mle';
import { MODEL_PARAMETERS } from '../parameters';
import type { Patterns } from '../summary/patterns';
import { PULSE_MASK, type Pulse } from '../pulse';

export type BgBbParams = Record<(typeof MODEL_PARAMETERS)['bgbb'][number], number>;

/** ln L for one (x, t_x, n); the terms are also what P(alive) and expectations are built from. */
export function bgbbLogLikOne(p: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const b0 = betaln(alpha, beta),
    g0 = betaln(gamma, delta);
  let ll = betaln(alpha + x, beta + n - x) - b0 + betaln(gamma, delta + n) - g0;
  for (let i = 0; i < n - tx; i++)
    ll = logAddExp(ll, betaln(alpha + x, beta + tx - x + i) - b0 + betaln(gamma + 1, delta + tx + i) - g0);
  return ll;
}

export function bgbbLogLik(theta: ArrayLike<number>, p: Patterns, pulse?: Pulse): number {
  const params = { alpha: theta[0], beta: theta[1], gamma: theta[2], delta: theta[3] };
  let ll = 0;
  for (let i = 0; i < p.count; i++) {
    if ((i & PULSE_MASK) === 0) pulse?.();
    ll += p.weight[i] * bgbbLogLikOne(params, p.x[i], p.tx[i], p.T[i]);
  }
  return ll;
}

/** Patterns carry n (opportunities) in `T`. */
export function fitBgBb(p: Patterns, options: FitOptions = {}): FitResult<keyof BgBbParams> {
  return fitPositive(MODEL_PARAMETERS.bgbb, (t) => bgbbLogLik(t, p, options.pulse), p.total, [1, 1, 1, 1], options);
}
