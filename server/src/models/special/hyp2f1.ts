// Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1.
// Why hand-written: no maintained JS library provides it. Method (Abramowitz & Stegun ch. 15):
//  - z < 0: Pfaff transformation 15.3.4, 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1)),
//    mapping the argument into [0, 1) where the series is alternating-free and stable;
//  - 0 <= z <= 0.9: the defining power series 15.1.1 with a convergence check;
//  - z > 0.9 and c-a-b not an integer: the 1-z connection formula 15.3.6, whose two series
//    converge fast near z = 1; for integer c-a-b (a logarithmic case) the direct series is used
//    with enough terms (z^n decays, if slowly) and an error if it still has not converged.
import gammaln from '@stdlib/math-base-special-gammaln';

const MAX_TERMS = 200000;
const EPS = 1e-15;

/** Sum of the power series 15.1.1; throws rather than return a value that has not converged. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    // Terms may grow before they shrink (when ab/c z > 1); stop only once they shrink.
    if (
      Math.abs(term) <= EPS * Math.abs(sum) &&
      Math.abs((a + n + 1) * (b + n + 1) * z) < Math.abs((c + n + 1) * (n + 2))
    )
      return sum;
    if (term === 0) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}): series did not converge in ${MAX_TERMS} terms`);
}

/** Γ(x) as sign and log-magnitude (stdlib gammaln gives ln|Γ(x)|). */
function signGamma(x: number): number {
  if (x > 0) return 1;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

function nearInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-9;
}

/** 2F1(a, b; c; z) for z < 1 (A&S 15.1.1, 15.3.4, 15.3.6). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`hyp2f1: z = ${z} must be below 1`);
  if (z === 0 || a === 0 || b === 0) return 1;
  // Pfaff on whichever upper parameter is smaller, so the power (1-z)^-a stays moderate when the
  // other one is large (e.g. r + x with x = 500 in the BG/NBD conditional expectation).
  if (z < 0)
    return Math.abs(a) <= Math.abs(b)
      ? Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1))
      : Math.pow(1 - z, -b) * hyp2f1(c - a, b, c, z / (z - 1));
  if (z <= 0.9) return series(a, b, c, z);
  const d = c - a - b;
  // Integer c-a-b puts Γ(c-a-b) or Γ(a+b-c) on a pole: 15.3.6 is unusable, the series still converges.
  if (nearInteger(d)) return series(a, b, c, z);
  // 1/Γ at a non-positive integer is 0: gammaln gives +Infinity there and exp(-Infinity) = 0.
  const lg1 = gammaln(c) + gammaln(d) - gammaln(c - a) - gammaln(c - b);
  const s1 = signGamma(c) * signGamma(d) * signGamma(c - a) * signGamma(c - b);
  const lg2 = gammaln(c) + gammaln(-d) - gammaln(a) - gammaln(b);
  const s2 = signGamma(c) * signGamma(-d) * signGamma(a) * signGamma(b);
  const w = 1 - z;
  return (
    s1 * Math.exp(lg1) * series(a, b, 1 - d, w) + s2 * Math.exp(lg2 + d * Math.log(w)) * series(c - a, c - b, 1 + d, w)
  );
}
