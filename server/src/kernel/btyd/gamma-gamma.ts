// Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013 note 025):
// likelihood of each customer's mean repeat spend m_x over x repeat purchases, and the
// conditional expected spend per future purchase.
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { Patterns } from './patterns';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Log-likelihood over weighted (x, m_x) patterns with x > 0, and its gradient in (p, q, γ). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, patterns: Patterns): { value: number; gradient: number[] } {
  const { p, q, gamma } = params;
  const [xs, ms] = patterns.columns;
  const base = -gammaln(q) + q * Math.log(gamma);
  // Log-gammas and digammas depend on x alone: once per distinct x.
  const byX = new Map<number, [number, number, number]>();
  const psiQ = digamma(q);
  const lnGamma = Math.log(gamma);
  let total = 0;
  const g = [0, 0, 0];
  for (let i = 0; i < patterns.count; i++) {
    const x = xs[i];
    const m = ms[i];
    const w = patterns.weight[i];
    const px = p * x;
    let terms = byX.get(x);
    if (terms === undefined) byX.set(x, (terms = [gammaln(px + q) - gammaln(px), digamma(px + q), digamma(px)]));
    const lnM = Math.log(m);
    const lnX = Math.log(x);
    const lnS = Math.log(gamma + m * x);
    total += w * (terms[0] + base + (px - 1) * lnM + px * lnX - (px + q) * lnS);
    g[0] += w * x * (terms[1] - terms[2] + lnM + lnX - lnS);
    g[1] += w * (terms[1] - psiQ + lnGamma - lnS);
    g[2] += w * (q / gamma - (px + q) / (gamma + m * x));
  }
  return { value: total, gradient: g };
}

/** E[M | x, m_x]; customers without repeat purchases get the population mean p·γ/(q − 1). */
export function gammaGammaExpectedSpend(params: GammaGammaParams, frequency: Float64Array, monetary: Float64Array): Float64Array {
  const { p, q, gamma } = params;
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = frequency[i];
    out[i] = x > 0 && Number.isFinite(monetary[i]) ? ((gamma + monetary[i] * x) * p) / (p * x + q - 1) : (p * gamma) / (q - 1);
  }
  return out;
}
