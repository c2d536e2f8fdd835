// Maximum likelihood for positive parameters: BFGS on log-parameters (unconstrained), an optional
// L2 penalty as in lifetimes (penalizer_coef * Σ θ², on the natural parameters), and standard errors
// from the inverse Hessian of the NEGATIVE LOG-LIKELIHOOD IN THE NATURAL PARAMETERS (unpenalised).
import { minimizeBfgs, numericHessian } from './bfgs';
import { invertSymmetric } from './invert';

export interface FitOptions {
  /** L2 penalty coefficient (lifetimes' penalizer_coef); 0 by default. */
  penalty?: number;
  maxIterations?: number;
  /** Starting values (natural scale); each model has sensible defaults. */
  initial?: number[];
}

export interface FitResult<P extends string = string> {
  params: Record<P, number>;
  /** Standard errors from the observed information (null when the Hessian is not invertible). */
  standardErrors: Record<P, number | null>;
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
export function fitPositive<P extends string>(names: readonly P[], logLik: (theta: Float64Array) => number, n: number, defaults: number[], options: FitOptions = {}): FitResult<P> {
  const penalty = options.penalty ?? 0;
  const start = options.initial ?? defaults;
  const theta = new Float64Array(names.length);
  const objective = (u: Float64Array) => {
    let pen = 0;
    for (let i = 0; i < u.length; i++) { theta[i] = Math.exp(u[i]); pen += theta[i] * theta[i]; }
    const ll = logLik(theta);
    return Number.isNaN(ll) ? Infinity : (-ll + penalty * pen) / n;
  };
  const res = minimizeBfgs(objective, Float64Array.from(start, Math.log), { maxIterations: options.maxIterations ?? 500, gradientTolerance: 1e-7 });
  const est = Float64Array.from(res.x, Math.exp);
  const ll = logLik(est);
  const params = {} as Record<P, number>;
  const standardErrors = {} as Record<P, number | null>;
  names.forEach((name, i) => (params[name] = est[i]));
  let message = res.message;
  let converged = res.converged && Number.isFinite(ll);
  if (!Number.isFinite(ll)) message = `log-likelihood is not finite at the estimate (${ll})`;
  const cov = Number.isFinite(ll) ? invertSymmetric(numericHessian((t) => -logLik(t), est)) : null;
  names.forEach((name, i) => {
    const v = cov ? cov[i][i] : NaN;
    standardErrors[name] = Number.isFinite(v) && v >= 0 ? Math.sqrt(v) : null;
  });
  if (converged && est.some((v) => v > 1e8 || v < 1e-8)) {
    converged = false;
    message = 'a parameter ran off to 0 or infinity: the data do not identify the model (try a penalty)';
  }
  return { params, standardErrors, logLikelihood: ll, converged, iterations: res.iterations, gradientNorm: res.gradientNorm, message, customers: n };
}
