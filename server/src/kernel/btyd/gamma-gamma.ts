// Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013 note 025):
// likelihood of each customer's mean repeat spend m_x over x repeat purchases, and the
// conditional expected spend per future purchase.
import gammaln from '@stdlib/math-base-special-gammaln';
import type { Patterns } from './patterns';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Log-likelihood over weighted (x, m_x) patterns with x > 0. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, patterns: Patterns): number {
  const { p, q, gamma } = params;
  const [xs, ms] = patterns.columns;
  const base = -gammaln(q) + q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < patterns.count; i++) {
    const x = xs[i];
    const m = ms[i];
    const px = p * x;
    const ll = gammaln(px + q) - gammaln(px) + base + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
    total += patterns.weight[i] * ll;
  }
  return total;
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
