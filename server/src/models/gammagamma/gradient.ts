// Analytic gradient of the Gamma-Gamma log-likelihood (gammagamma/model.ts), with the same
// per-distinct-x grouping:
//   ∂/∂p = Σ_x [W_x x (ψ(px+q) - ψ(px) + ln x) + x S_x - x L_x]
//   ∂/∂q = Σ_x [W_x (ψ(px+q) - ψ(q) + ln γ) - L_x]
//   ∂/∂γ = Σ_x [W_x q/γ - (px + q) I_x]
// (W_x = Σ weight, S_x = Σ weight·ln m̄, L_x = Σ weight·ln(γ + x m̄), I_x = Σ weight/(γ + x m̄)
// over customers with that x: SpendTerms).
import digamma from '@stdlib/math-base-special-digamma';
import type { SpendData } from './model';
import type { Pulse } from '../pulse';

export function gammaGammaGradient(theta: ArrayLike<number>, d: SpendData, out: Float64Array, pulse?: Pulse): void {
  const [p, q, gamma] = theta as number[];
  const psiQ = digamma(q),
    lnGamma = Math.log(gamma);
  const { ln, inverse } = d.terms(gamma, pulse);
  let gp = 0,
    gq = 0,
    gg = 0;
  for (let k = 0; k < d.distinctX.length; k++) {
    const x = d.distinctX[k],
      W = d.weightOfX[k],
      psiPxQ = digamma(p * x + q);
    gp += W * x * (psiPxQ - digamma(p * x) + Math.log(x)) + x * d.lnMeanOfX[k] - x * ln[k];
    gq += W * (psiPxQ - psiQ + lnGamma) - ln[k];
    gg += (W * q) / gamma - (p * x + q) * inverse[k];
  }
  out[0] = gp;
  out[1] = gq;
  out[2] = gg;
}
