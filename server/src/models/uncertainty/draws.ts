// Parametric bootstrap from a fit's asymptotic distribution: parameter vectors drawn from the
// normal distribution of the log-parameters (the scale the fit runs on, where the normal
// approximation is better and every draw stays positive), mean at the estimate, covariance the
// inverse observed information. Seeded, so a notebook's intervals are the same on every run.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { normal, seededRandom } from '../generate/random';

/** z such that P(|Z| ≤ z) = level, for a two-sided interval. */
export function twoSidedZ(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be between 0 and 1, got ${level}`);
  return normalQuantile(0.5 + level / 2, 0, 1);
}

/** Lower-triangular L with L Lᵀ = A; throws when A is not positive definite. */
export function cholesky(A: number[][]): number[][] {
  const n = A.length;
  const L = A.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i][j];
      for (let k = 0; k < j; k++) sum -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError('the covariance matrix is not positive definite');
        L[i][i] = Math.sqrt(sum);
      } else L[i][j] = sum / L[j][j];
    }
  }
  return L;
}

/**
 * `count` parameter vectors (natural scale, in the order of `estimate`) with
 * ln θ ~ N(ln θ̂, logCovariance).
 */
export function drawParameters(
  estimate: readonly number[],
  logCovariance: number[][],
  count: number,
  seed: number,
): Float64Array[] {
  const L = cholesky(logCovariance);
  const rand = seededRandom(seed);
  const n = estimate.length;
  const z = new Float64Array(n);
  const draws: Float64Array[] = [];
  for (let d = 0; d < count; d++) {
    for (let i = 0; i < n; i++) z[i] = normal(rand);
    const theta = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let u = Math.log(estimate[i]);
      for (let k = 0; k <= i; k++) u += L[i][k] * z[k];
      theta[i] = Math.exp(u);
    }
    draws.push(theta);
  }
  return draws;
}

/** Confidence interval of each parameter: normal on the log scale, transformed back (always positive). */
export function parameterIntervals(
  estimate: readonly number[],
  logCovariance: number[][],
  level: number,
): { low: number; high: number }[] {
  const z = twoSidedZ(level);
  return estimate.map((theta, i) => {
    const half = z * Math.sqrt(logCovariance[i][i]);
    return { low: theta * Math.exp(-half), high: theta * Math.exp(half) };
  });
}
