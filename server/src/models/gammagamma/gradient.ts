// Analytic gradient of the Gamma-Gamma log-likelihood (gammagamma/model.ts):
//   ∂/∂p = Σ x [ψ(px+q) - ψ(px) + ln m̄ + ln x - ln(γ + x m̄)]
//   ∂/∂q = Σ [ψ(px+q) - ψ(q) + ln γ - ln(γ + x m̄)]
//   ∂/∂γ = Σ [q/γ - (px+q)/(γ + x m̄)]
import digamma from '@stdlib/math-base-special-digamma';
import type { SpendData } from './model';

export function gammaGammaGradient(theta: ArrayLike<number>, d: SpendData, out: Float64Array): void {
  const [p, q, gamma] = theta as number[];
  const psiQ = digamma(q), lnGamma = Math.log(gamma);
  let gp = 0, gq = 0, gg = 0;
  for (let i = 0; i < d.count; i++) {
    const x = d.x[i], m = d.mean[i], w = d.weight[i], px = p * x;
    const psiPxQ = digamma(px + q), lnDen = Math.log(gamma + x * m);
    gp += w * x * (psiPxQ - digamma(px) + Math.log(m) + Math.log(x) - lnDen);
    gq += w * (psiPxQ - psiQ + lnGamma - lnDen);
    gg += w * (q / gamma - (px + q) / (gamma + x * m));
  }
  out[0] = gp; out[1] = gq; out[2] = gg;
}
