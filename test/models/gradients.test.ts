// The analytic gradients used by the optimiser agree with central differences of the likelihoods.
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';
import { bgnbdGradient } from '../../server/src/models/bgnbd/gradient';
import { gammaGammaGradient } from '../../server/src/models/gammagamma/gradient';
import { numericGradient } from '../../server/src/models/optimize/bfgs';
import { cdnowCbs, cdnowMeanSpend } from './reference-data';

function agree(analytic: (t: Float64Array, out: Float64Array) => void, ll: (t: Float64Array) => number, at: number[]) {
  const theta = Float64Array.from(at),
    a = new Float64Array(at.length),
    n = new Float64Array(at.length);
  analytic(theta, a);
  numericGradient(ll, theta, n);
  a.forEach((v, i) =>
    assert.ok(Math.abs(v - n[i]) <= 1e-5 * Math.max(1, Math.abs(n[i])), `component ${i}: ${v} vs ${n[i]}`),
  );
}

describe('models: analytic gradients', () => {
  const cbs = cdnowCbs();
  it('BG/NBD on CDNOW, at and away from the optimum', () => {
    const p = M.toPatterns(cbs.x, cbs.tx, cbs.T);
    for (const at of [
      [0.243, 4.414, 0.793, 2.426],
      [1.3, 0.7, 2.5, 0.4],
    ])
      agree(
        (t, o) => bgnbdGradient(t, p, o),
        (t) => M.bgnbdLogLik(t, p),
        at,
      );
  });
  it('Gamma-Gamma on CDNOW', () => {
    const d = M.spendData(cbs.x, cdnowMeanSpend());
    for (const at of [
      [6.25, 3.74, 15.44],
      [1, 2, 50],
    ])
      agree(
        (t, o) => gammaGammaGradient(t, d, o),
        (t) => M.gammaGammaLogLik(t, d),
        at,
      );
  });
});
