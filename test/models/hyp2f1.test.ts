// 2F1 against closed forms (A&S 15.1.3-15.1.11) over the whole range z < 1, including the
// Pfaff branch (z < 0) and the 1-z connection branch (z > 0.9).
import assert from 'node:assert/strict';
import { hyp2f1 } from '../../server/src/models';

const close = (a: number, b: number, rel = 1e-12) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
const zs = [-50, -3, -0.9, -0.5, -1e-3, 1e-3, 0.3, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

describe('models: hyp2f1', () => {
  it('2F1(1,1;2;z) = -ln(1-z)/z (A&S 15.1.3)', () => {
    for (const z of zs) close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-11);
  });
  it('2F1(a,b;b;z) = (1-z)^-a (A&S 15.1.8)', () => {
    for (const z of zs) for (const a of [0.3, 2.5, 7]) close(hyp2f1(a, 1.7, 1.7, z), Math.pow(1 - z, -a), 1e-11);
  });
  it('2F1(1/2,1;3/2;-z²) = atan(z)/z and 2F1(1/2,1/2;3/2;z²) = asin(z)/z (A&S 15.1.5, 15.1.6)', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99, 2, 10]) close(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z, 1e-11);
    for (const z of [0.1, 0.5, 0.9, 0.97, 0.995]) close(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-10);
  });
  it('Gauss sum near z = 1 for non-integer c-a-b: 2F1(a,b;c;1) = Γ(c)Γ(c-a-b)/(Γ(c-a)Γ(c-b))', () => {
    // a=0.3, b=0.4, c=2.2: the value at 1 is the limit; at z = 1 - 1e-12 the difference is O(1e-12).
    const gamma = (x: number) => Math.exp(lgamma(x));
    const exact = (gamma(2.2) * gamma(1.5)) / (gamma(1.9) * gamma(1.8));
    close(hyp2f1(0.3, 0.4, 2.2, 1 - 1e-12), exact, 1e-9);
  });
  it('polynomial case: 2F1(-2,b;c;z) = 1 - 2bz/c + b(b+1)z²/(c(c+1))', () => {
    for (const z of [-5, -0.5, 0.5, 0.95])
      close(hyp2f1(-2, 1.3, 2.1, z), 1 - (2 * 1.3 * z) / 2.1 + (1.3 * 2.3 * z * z) / (2.1 * 3.1), 1e-12);
  });
  it('rejects z >= 1 with a message', () => {
    assert.throws(() => hyp2f1(1, 1, 2, 1), /must be below 1/);
  });
});

// Lanczos-free reference: Stirling series with shift (accurate to ~1e-13 for x > 0).
function lgamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x,
    inv2 = inv * inv;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680))) -
    shift
  );
}
