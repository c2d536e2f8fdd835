// Special functions used by the BTYD likelihoods. Log-gamma, log-beta and digamma come from
// @stdlib (well tested); only what stdlib lacks (2F1, log-sum-exp, signed gamma) is written here.
import gammaln from '@stdlib/math-base-special-gammaln';
import betaln from '@stdlib/math-base-special-betaln';
export { gammaln, betaln };
export { hyp2f1 } from './hyp2f1';

/** ln(e^a + e^b) without overflow; -Infinity terms are allowed (they contribute nothing). */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(e^a - e^b) for a >= b; -Infinity when they are equal (an empty interval). */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  const d = b - a;
  return d >= 0 ? -Infinity : a + Math.log(-Math.expm1(d));
}
export { gaussLegendre } from './gauss-legendre';
