// Quasi-Newton minimiser (BFGS, Nocedal & Wright 2006, alg. 6.1) with a backtracking Armijo line
// search, for the small (2-4 parameter) smooth problems of the BTYD models. Parameters are
// optimised on the log scale by the callers, so the problem is unconstrained. Gradients are
// analytic where the model provides them, central differences otherwise.

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  gradientNorm: number;
  converged: boolean;
  /** Why the search stopped when it did not converge. */
  message?: string;
}

export interface MinimizeOptions {
  /** Analytic gradient into `out` (central differences when absent). */
  gradient?: (x: Float64Array, out: Float64Array) => void;
  maxIterations: number;
  /** Converged when the gradient's infinity norm falls below this. */
  gradientTolerance: number;
  /** Called at the start of every iteration with the gradient's infinity norm; may throw to stop the search. */
  onIteration?: (iteration: number, gradientNorm: number) => void;
}

/** Central-difference gradient; step scaled to each coordinate. */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array, out: Float64Array): void {
  const xi = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]));
    xi[i] = x[i] + h;
    const fp = f(xi);
    xi[i] = x[i] - h;
    const fm = f(xi);
    xi[i] = x[i];
    out[i] = (fp - fm) / (2 * h);
  }
}

/** Central-difference Hessian of f at x (for standard errors). */
export function numericHessian(f: (x: Float64Array) => number, x: Float64Array): Float64Array[] {
  const n = x.length;
  const H = Array.from({ length: n }, () => new Float64Array(n));
  const y = Float64Array.from(x);
  const h = Array.from(x, (v) => 1e-4 * Math.max(1, Math.abs(v)));
  const at = (i: number, di: number, j: number, dj: number) => {
    y[i] += di;
    y[j] += dj;
    const v = f(y);
    y[i] = x[i];
    y[j] = x[j];
    return v;
  };
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v =
        (at(i, h[i], j, h[j]) - at(i, h[i], j, -h[j]) - at(i, -h[i], j, h[j]) + at(i, -h[i], j, -h[j])) /
        (4 * h[i] * h[j]);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

export function minimizeBfgs(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  options: MinimizeOptions,
): MinimizeResult {
  const n = x0.length;
  const maxIter = options.maxIterations;
  const gtol = options.gradientTolerance;
  let x = Float64Array.from(x0);
  let fx = f(x);
  if (!Number.isFinite(fx))
    return {
      x,
      value: fx,
      iterations: 0,
      gradientNorm: NaN,
      converged: false,
      message: 'objective is not finite at the starting point',
    };
  const gradient = options.gradient ?? ((at: Float64Array, out: Float64Array) => numericGradient(f, at, out));
  const g = new Float64Array(n);
  gradient(x, g);
  // Inverse Hessian approximation, starting from the identity.
  const Hinv = Array.from({ length: n }, (_, i) => {
    const r = new Float64Array(n);
    r[i] = 1;
    return r;
  });
  const p = new Float64Array(n),
    xNew = new Float64Array(n),
    gNew = new Float64Array(n),
    s = new Float64Array(n),
    yv = new Float64Array(n),
    Hy = new Float64Array(n);
  const norm = (v: Float64Array) => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  for (let iter = 1; iter <= maxIter; iter++) {
    options.onIteration?.(iter, norm(g));
    if (norm(g) < gtol) return { x, value: fx, iterations: iter - 1, gradientNorm: norm(g), converged: true };
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= Hinv[i][j] * g[j];
      p[i] = v;
      slope += v * g[i];
    }
    if (slope >= 0) {
      // Not a descent direction (curvature information went bad): restart from steepest descent.
      for (let i = 0; i < n; i++) {
        Hinv[i].fill(0);
        Hinv[i][i] = 1;
        p[i] = -g[i];
      }
      slope = -g.reduce((a, e) => a + e * e, 0);
    }
    // Cap the step: on the log scale a step of 5 already multiplies a parameter by e^5.
    let step = Math.min(1, 5 / norm(p));
    let fNew = Infinity;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * p[i];
      fNew = f(xNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew <= fx)) {
      return {
        x,
        value: fx,
        iterations: iter,
        gradientNorm: norm(g),
        converged: norm(g) < gtol * 100,
        message: 'line search found no decrease (at the limit of floating-point precision)',
      };
    }
    gradient(xNew, gNew);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      yv[i] = gNew[i] - g[i];
      sy += s[i] * yv[i];
    }
    const fChange = fx - fNew;
    x = Float64Array.from(xNew);
    fx = fNew;
    g.set(gNew);
    if (sy > 1e-12) {
      // BFGS inverse update: H += (sy + y'Hy) ss'/sy^2 - (Hy s' + s y'H)/sy
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += Hinv[i][j] * yv[j];
        Hy[i] = v;
        yHy += yv[i] * v;
      }
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          Hinv[i][j] += ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy;
    }
    if (fChange >= 0 && fChange < 1e-13 * Math.max(1, Math.abs(fx)) && norm(g) < gtol * 1000) {
      return { x, value: fx, iterations: iter, gradientNorm: norm(g), converged: true };
    }
  }
  return {
    x,
    value: fx,
    iterations: maxIter,
    gradientNorm: norm(g),
    converged: false,
    message: `no convergence in ${maxIter} iterations (gradient norm ${norm(g).toExponential(2)})`,
  };
}
