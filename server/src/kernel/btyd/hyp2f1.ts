// Gauss's hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series, which
// is what BG/NBD's expectations need (z = t/(α+T+t)). Terms are summed until they no longer
// change the sum; near z = 1 that takes more terms, never a wrong answer.
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 1_000_000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) return sum;
  }
  return sum;
}
