// Parameter recovery on generated data: 20,000 BG/NBD customers (CDNOW-like parameters, 39-week
// calibration) and their Gamma-Gamma spend. Tolerance: 4 standard errors of each estimate (from
// the fit's own Hessian) plus 5% for the discretisation of times to whole days: a correct
// estimator lands inside with near certainty, a wrong likelihood does not (the estimates then
// move by many standard errors).
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';

describe('models: parameter recovery on generated data', () => {
  const day0 = Date.UTC(1997, 0, 1) / 86400000;
  const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const spendTruth = { p: 6.25, q: 3.74, gamma: 15.44 };
  const log = M.generateTransactions({
    customers: 20000,
    seed: 20240601,
    startDay: day0,
    acquisitionDays: 84,
    endDay: day0 + 545,
    model: { kind: 'bgnbd', ...truth },
    spend: spendTruth,
  });
  const s = M.summariseTransactions(log, { calibrationEnd: day0 + 272, holdoutEnd: day0 + 545, unit: 'weeks' });

  it('is reproducible for a seed', () => {
    const again = M.generateTransactions({
      customers: 50,
      seed: 20240601,
      startDay: day0,
      acquisitionDays: 84,
      endDay: day0 + 545,
      model: { kind: 'bgnbd', ...truth },
      spend: spendTruth,
    });
    assert.deepEqual(Array.from(again.time), Array.from(log.time.subarray(0, again.rows)));
  });

  it('BG/NBD recovers r, α, a, b', () => {
    assert.equal(s.frequency.length, 20000);
    const fit = M.fitBgNbd(M.toPatterns(s.frequency, s.recency, s.T));
    assert.ok(fit.converged, fit.message);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      const allowed = 4 * fit.standardErrors[k]! + 0.05 * truth[k];
      assert.ok(Math.abs(fit.params[k] - truth[k]) < allowed, `${k}: ${fit.params[k]} vs ${truth[k]} ± ${allowed}`);
    }
  });

  it('Gamma-Gamma recovers p, q, γ', () => {
    const fit = M.fitGammaGamma(M.spendData(s.frequency, s.monetary!));
    assert.ok(fit.converged, fit.message);
    for (const k of ['p', 'q', 'gamma'] as const) {
      const allowed = 4 * fit.standardErrors[k]! + 0.05 * spendTruth[k];
      assert.ok(
        Math.abs(fit.params[k] - spendTruth[k]) < allowed,
        `${k}: ${fit.params[k]} vs ${spendTruth[k]} ± ${allowed}`,
      );
    }
  });

  it('the holdout forecast of the fitted model matches the generated holdout purchases within 5%', () => {
    const fit = M.fitBgNbd(M.toPatterns(s.frequency, s.recency, s.T));
    const forecast = M.bgnbdConditionalExpected(fit.params, 39, {
      frequency: s.frequency,
      recency: s.recency,
      T: s.T,
    }).reduce((a, v) => a + v, 0);
    const actual = s.holdoutPurchases!.reduce((a, v) => a + v, 0);
    assert.ok(Math.abs(forecast - actual) / actual < 0.05, `${forecast} vs ${actual}`);
  });
});
