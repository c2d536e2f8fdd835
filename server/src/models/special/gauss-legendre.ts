// Gauss–Legendre quadrature on [lo, hi]: exact for polynomials of degree 2n-1, and accurate to
// double precision for the smooth integrands of the Pareto/NBD's P(X(t) = n) after its change of
// variable. Nodes by Newton's method on P_n from the Chebyshev guesses (Golub & Welsch's classic
// alternative needs an eigen-solver); computed once per n.
const rules = new Map<number, { nodes: Float64Array; weights: Float64Array }>();

function rule(n: number) {
  let r = rules.get(n);
  if (r) return r;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // P_n(x) and P_n'(x) by the three-term recurrence.
      let p0 = 1,
        p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  rules.set(n, (r = { nodes, weights }));
  return r;
}

/** ∫ f over [lo, hi] with an n-point Gauss–Legendre rule. */
export function gaussLegendre(f: (x: number) => number, lo: number, hi: number, n = 48): number {
  const { nodes, weights } = rule(n);
  const half = (hi - lo) / 2,
    mid = (hi + lo) / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] * f(mid + half * nodes[i]);
  return sum * half;
}
