// Analytic gradient of the Gamma-Gamma log-likelihood (gammagamma/model.ts), with the same
// per-distinct-x grouping:
//   ∂/∂p = Σ_x [W_x x (ψ(px+q) - ψ(px) + ln x) + x S_x] - Σ_i w_i x_i ln(γ + x_i m̄_i)
//   ∂/∂q = Σ_x W_x (ψ(px+q) - ψ(q) + ln γ) - Σ_i w_i ln(γ + x_i m̄_i)
//   ∂/∂γ = Σ_i w_i [q/γ - (p x_i + q)/(γ + x_i m̄_i)]
// (W_x = Σ weight, S_x = Σ weight·ln m̄ over customers with that x).
import digamma from '@stdlib/math-base-special-digamma';
import type { SpendData } from './model';
import { PULSE_MASK, type Pulse } from '../pulse';

export function gammaGammaGradient(theta: ArrayLike<number>, d: SpendData, out: Float64Array, pulse?: Pulse): void {
  const [p, q, gamma] = theta as number[];
  const psiQ = digamma(q),
    lnGamma = Math.log(gamma);
  let gp = 0,
    gq = 0,
    gg = 0;
  for (let k = 0; k < d.distinctX.length; k++) {
    const x = d.distinctX[k],
      W = d.weightOfX[k],
      psiPxQ = digamma(p * x + q);
    gp += W * x * (psiPxQ - digamma(p * x) + Math.log(x)) + x * d.lnMeanOfX[k];
    gq += W * (psiPxQ - psiQ + lnGamma);
  }
  for (let i = 0; i < d.count; i++) {
    if ((i & PULSE_MASK) === 0) pulse?.();
    const x = d.x[i],
      w = d.weight[i],
      den = gamma + x * d.mean[i],
      lnDen = Math.log(den);
    gp -= w * x * lnDen;
    gq -= w * lnDen;
    gg += w * (q / gamma - (p * x + q) / den);
  }
  out[0] = gp;
  out[1] = gq;
  out[2] = gg;
}
