// Shifted beta-geometric retention (Fader & Hardie 2007, "How to project customer
// retention"): churn probability θ ~ Beta(α, β); S(t) = B(α, β + t) / B(α, β).
import betaln from '@stdlib/math-base-special-betaln';

export interface SbgParams {
  alpha: number;
  beta: number;
}

export function sbgSurvival(p: SbgParams, t: number): number {
  return Math.exp(betaln(p.alpha, p.beta + t) - betaln(p.alpha, p.beta));
}

/** Log-likelihood of survivor counts n_0 ≥ n_1 ≥ … : churners per period, and the still-active at the end. */
export function sbgLogLikelihood(p: SbgParams, survivors: Float64Array): number {
  let ll = 0;
  let previous = 1;
  for (let t = 1; t < survivors.length; t++) {
    const s = sbgSurvival(p, t);
    ll += (survivors[t - 1] - survivors[t]) * Math.log(previous - s);
    previous = s;
  }
  return ll + survivors[survivors.length - 1] * Math.log(previous);
}
