// Maximum likelihood for positive parameters: BFGS on log-parameters (unconstrained), an optional
// L2 penalty as in lifetimes (penalizer_coef * Σ θ², on the natural parameters), and standard errors
// from the inverse Hessian of the NEGATIVE LOG-LIKELIHOOD IN THE NATURAL PARAMETERS (unpenalised).
import { minimizeBfgs, numericHessian } from './bfgs';
import { FIT_DEFAULTS } from './defaults';
import { invertSymmetric } from './invert';
import { Abandoned, type Pulse } from '../pulse';

export interface FitOptions {
  /** L2 penalty coefficient (lifetimes' penalizer_coef); defaults in `FIT_DEFAULTS`. */
  penalty?: number;
  maxIterations?: number;
  /** Stop when the infinity norm of the mean objective's gradient (log scale) falls below this. */
  tolerance?: number;
  /** Starting values (natural scale); each model has sensible defaults. */
  initial?: number[];
  /**
   * Called once per optimizer iteration; may throw to abandon the fit (how a kernel interrupts
   * a long fit, and reports its progress).
   */
  checkpoint?: (iteration: number, gradientNorm: number) => void;
  /**
   * Called inside every likelihood and gradient pass (see pulse.ts), so one pass over millions
   * of histories, and the Hessian for standard errors, can be abandoned too.
   */
  pulse?: Pulse;
}

export interface FitResult<P extends string = string> {
  params: Record<P, number>;
  /** Standard errors from the observed information (null when the Hessian is not invertible). */
  standardErrors: Record<P, number | null>;
  /**
   * Covariance of the log-parameters (the scale the fit runs on), rows in the order of `params`:
   * Cov(ln θ_i, ln θ_j) = Cov(θ_i, θ_j) / (θ_i θ_j), exact at the maximum where the gradient is
   * zero. What intervals and parameter draws use; null when the information is singular.
   */
  logCovariance: number[][] | null;
  /** Log-likelihood of the data at the estimate (without penalty). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Infinity norm of the gradient of the per-customer mean objective on the log scale. */
  gradientNorm: number;
  /** Why a fit did not converge, or what to check. */
  message?: string;
  /** Total weight (customers) the fit used. */
  customers: number;
}

/**
 * Fits `logLik(θ)` (total log-likelihood, natural parameters, may return -Infinity outside the
 * support) over positive θ. The objective is divided by `n` so tolerances do not depend on size.
 */
export function fitPositive<P extends string>(
  names: readonly P[],
  logLik: (theta: Float64Array) => number,
  n: number,
  defaults: number[],
  options: FitOptions = {},
  logLikGradient?: (theta: Float64Array, out: Float64Array) => void,
): FitResult<P> {
  if (!(n > 0)) throw new RangeError('fit: no customers to fit');
  const penalty = options.penalty ?? FIT_DEFAULTS.penalty;
  const start = options.initial ?? defaults;
  const theta = new Float64Array(names.length);
  // Outside e^±25 a parameter has run off (the data do not identify it); treating that region and
  // any numerical failure of the likelihood as +Infinity makes the line search back off, and the
  // run-off check below reports it.
  const objective = (u: Float64Array) => {
    let pen = 0;
    for (let i = 0; i < u.length; i++) {
      if (!(Math.abs(u[i]) <= 25)) return Infinity;
      theta[i] = Math.exp(u[i]);
      pen += theta[i] * theta[i];
    }
    let ll: number;
    try {
      ll = logLik(theta);
    } catch (e) {
      if (e instanceof Abandoned) throw e;
      return Infinity;
    }
    return Number.isNaN(ll) ? Infinity : (-ll + penalty * pen) / n;
  };
  // Chain rule to the log scale: ∂/∂u_i = θ_i ∂/∂θ_i; penalty gradient 2·pen·θ_i².
  const thetaG = new Float64Array(names.length);
  const gradient =
    logLikGradient &&
    ((u: Float64Array, out: Float64Array) => {
      for (let i = 0; i < u.length; i++) thetaG[i] = Math.exp(u[i]);
      logLikGradient(thetaG, out);
      for (let i = 0; i < u.length; i++) out[i] = (-out[i] * thetaG[i] + 2 * penalty * thetaG[i] * thetaG[i]) / n;
    });
  const res = minimizeBfgs(objective, Float64Array.from(start, Math.log), {
    gradient,
    maxIterations: options.maxIterations ?? FIT_DEFAULTS.maxIterations,
    gradientTolerance: options.tolerance ?? FIT_DEFAULTS.tolerance,
    onIteration: options.checkpoint,
  });
  const est = Float64Array.from(res.x, Math.exp);
  let ll: number;
  try {
    ll = logLik(est);
  } catch (e) {
    if (e instanceof Abandoned) throw e;
    ll = NaN;
    res.message = `likelihood failed at the estimate: ${(e as Error).message}`;
  }
  const params = {} as Record<P, number>;
  const standardErrors = {} as Record<P, number | null>;
  names.forEach((name, i) => (params[name] = est[i]));
  let message = res.message;
  let converged = res.converged && Number.isFinite(ll);
  if (!Number.isFinite(ll)) message = res.message ?? `log-likelihood is not finite at the estimate (${ll})`;
  const cov = Number.isFinite(ll) ? covariance(logLik, est, logLikGradient) : null;
  names.forEach((name, i) => {
    const v = cov ? cov[i][i] : NaN;
    standardErrors[name] = Number.isFinite(v) && v >= 0 ? Math.sqrt(v) : null;
  });
  const logCovariance =
    cov && names.every((name) => standardErrors[name] !== null)
      ? cov.map((row, i) => Array.from(row, (c, j) => c / (est[i] * est[j])))
      : null;
  if (converged && est.some((v) => v > 1e6 || v < 1e-6)) {
    converged = false;
    message =
      'a parameter ran off to 0 or infinity: the data do not identify the model (e.g. no repeat purchases; try a penalty)';
  } else if (converged && names.some((name) => standardErrors[name] === null)) {
    converged = false;
    message =
      'the likelihood is flat in some direction at the estimate (singular information matrix): the data do not identify the model';
  }
  return {
    params,
    standardErrors,
    logCovariance,
    logLikelihood: ll,
    converged,
    iterations: res.iterations,
    gradientNorm: res.gradientNorm,
    message,
    customers: n,
  };
}

/**
 * Inverse observed information; null when the Hessian cannot be formed or inverted. With an
 * analytic gradient the Hessian is its central difference (2n gradient passes instead of ~4n²
 * likelihood passes).
 */
function covariance(
  logLik: (theta: Float64Array) => number,
  est: Float64Array,
  gradient?: (theta: Float64Array, out: Float64Array) => void,
): Float64Array[] | null {
  try {
    if (!gradient) return invertSymmetric(numericHessian((t) => -logLik(t), est));
    const n = est.length,
      H = Array.from({ length: n }, () => new Float64Array(n));
    const up = new Float64Array(n),
      down = new Float64Array(n),
      at = Float64Array.from(est);
    for (let i = 0; i < n; i++) {
      const h = 1e-5 * Math.max(1, Math.abs(est[i]));
      at[i] = est[i] + h;
      gradient(at, up);
      at[i] = est[i] - h;
      gradient(at, down);
      at[i] = est[i];
      for (let j = 0; j < n; j++) H[i][j] = -(up[j] - down[j]) / (2 * h);
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
    return invertSymmetric(H);
  } catch (e) {
    if (e instanceof Abandoned) throw e;
    return null;
  }
}
