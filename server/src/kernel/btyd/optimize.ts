// BFGS with central-difference gradients and a backtracking line search, for the handful of
// (log-)parameters of a BTYD model. Yields to the event loop every few iterations so an
// abort lands within milliseconds, and reports progress per iteration.

export interface MinimizeOptions {
  maxIterations: number;
  /** Stop when the gradient's norm falls below this. */
  tolerance: number;
  signal: AbortSignal;
  onProgress: (fraction: number, message: string) => void;
}

export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
  gradientNorm: number;
  converged: boolean;
  message?: string;
}

export class FitInterrupted extends Error {
  constructor() {
    super('The fit was interrupted.');
  }
}

export function gradient(f: (x: number[]) => number, x: number[]): number[] {
  return x.map((xi, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(xi));
    const up = x.slice();
    const down = x.slice();
    up[i] = xi + h;
    down[i] = xi - h;
    return (f(up) - f(down)) / (2 * h);
  });
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

/**
 * Minimises `f` from `x0`. `grad` is the analytic gradient when there is one (else central
 * differences). Every evaluation is a checkpoint: progress is reported (which is where a
 * worker notices a shared-memory interrupt) and an aborted signal stops the fit.
 */
export async function minimize(f: (x: number[]) => number, x0: number[], options: MinimizeOptions, grad?: (x: number[]) => number[]): Promise<Minimum> {
  const n = x0.length;
  let iteration = 0;
  const checkpoint = () => {
    options.onProgress(Math.min(0.99, iteration / Math.min(options.maxIterations, 100)), `iteration ${iteration}`);
    if (options.signal.aborted) throw new FitInterrupted();
  };
  const value = (x: number[]) => {
    checkpoint();
    return f(x);
  };
  const slope = (x: number[]) => {
    checkpoint();
    return grad ? grad(x) : gradient(f, x);
  };
  let x = x0.slice();
  let fx = value(x);
  if (!Number.isFinite(fx)) return { x, value: fx, iterations: 0, gradientNorm: NaN, converged: false, message: 'the likelihood is not finite at the starting values' };
  let g = slope(x);
  // Inverse Hessian approximation, starting from the identity.
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let lastYield = Date.now();
  for (let iter = 1; iter <= options.maxIterations; iter++) {
    iteration = iter;
    if (Date.now() - lastYield > 20) {
      // Lets an interrupt message in (in process, or a worker without shared memory).
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
    const gn = norm(g);
    if (gn < options.tolerance) return { x, value: fx, iterations: iter - 1, gradientNorm: gn, converged: true };
    let p = H.map((row) => -dot(row, g));
    if (dot(p, g) >= 0) {
      // Not a descent direction: restart from steepest descent.
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      p = g.map((v) => -v);
    }
    let step = 1;
    let xNew = x;
    let fNew = Infinity;
    for (let k = 0; k < 60; k++, step /= 2) {
      xNew = x.map((xi, i) => xi + step * p[i]);
      fNew = value(xNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * dot(g, p)) break;
    }
    if (!(fNew < fx)) {
      // No further decrease possible: converged as far as the numbers allow.
      return { x, value: fx, iterations: iter, gradientNorm: gn, converged: gn < Math.sqrt(options.tolerance), message: gn < Math.sqrt(options.tolerance) ? undefined : 'the line search could not decrease the objective' };
    }
    const gNew = slope(xNew);
    const s = xNew.map((v, i) => v - x[i]);
    const y = gNew.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-12) {
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      H = H.map((row, i) => row.map((h, j) => h + ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy));
    }
    x = xNew;
    fx = fNew;
    g = gNew;
  }
  return { x, value: fx, iterations: options.maxIterations, gradientNorm: norm(g), converged: false, message: `no convergence in ${options.maxIterations} iterations` };
}

/**
 * Standard errors from the inverse of the Hessian of `f` (a negative log-likelihood) at `x`:
 * central differences of `grad` when given (2n evaluations), else of `f` itself.
 */
export function standardErrors(f: (x: number[]) => number, x: number[], grad?: (x: number[]) => number[]): (number | null)[] {
  const n = x.length;
  const hess = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const h = x.map((v) => 1e-4 * Math.max(1, Math.abs(v)));
  const shifted = (i: number, d: number) => x.map((v, k) => (k === i ? v + d * h[i] : v));
  if (grad) {
    for (let i = 0; i < n; i++) {
      const up = grad(shifted(i, 1));
      const down = grad(shifted(i, -1));
      for (let j = 0; j < n; j++) hess[i][j] += (up[j] - down[j]) / (4 * h[i]);
      for (let j = 0; j < n; j++) hess[j][i] += (up[j] - down[j]) / (4 * h[i]);
    }
  } else {
    const at = (di: number, dj: number, i: number, j: number) => {
      const y = x.slice();
      y[i] += di * h[i];
      y[j] += dj * h[j];
      return f(y);
    };
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const v = (at(1, 1, i, j) - at(1, -1, i, j) - at(-1, 1, i, j) + at(-1, -1, i, j)) / (4 * h[i] * h[j]);
        hess[i][j] = hess[j][i] = v;
      }
    }
  }
  const inv = invert(hess);
  return inv ? inv.map((row, i) => (row[i] > 0 ? Math.sqrt(row[i]) : null)) : x.map(() => null);
}

/** Gauss–Jordan inverse; null when singular. */
function invert(m: number[][]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (Math.abs(a[pivot][c]) < 1e-300) return null;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const d = a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = a[r][c];
      for (let k = 0; k < 2 * n; k++) a[r][k] -= factor * a[c][k];
    }
  }
  return a.map((row) => row.slice(n));
}
