// Intervals by simulation: data sets generated from known BG/NBD parameters with the seeded
// generator, each fitted; a nominal 90% interval should cover the truth in 90% of replicates.
// With R replicates the count of covers is Binomial(R, 0.9) if the intervals are right: for
// R = 100 its standard deviation is 3 replicates, so 85–95% is ±1.67 SD (the band).
// The seeds are fixed, so the result is the same on every run; a wrong covariance (say, the
// natural-scale one used as if it were the log-scale one, or a missing square root) moves
// coverage far outside the band. The aggregate target is the total of holdout purchases the
// TRUE parameters expect given each customer's calibration history (what parameter uncertainty
// is about; the realised total adds Poisson noise no parameter interval can cover).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../server/src/models';

const day0 = Date.UTC(1997, 0, 1) / 86400000;
const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const NAMES = ['r', 'alpha', 'a', 'b'] as const;
const REPLICATES = 100;
const CUSTOMERS = 1500;
const DRAWS = 200;
const HOLDOUT_WEEKS = 39;

function replicate(seed: number) {
  const log = M.generateTransactions({
    customers: CUSTOMERS,
    seed,
    startDay: day0,
    acquisitionDays: 84,
    endDay: day0 + 545,
    model: { kind: 'bgnbd', ...truth },
  });
  const s = M.summariseTransactions(log, { calibrationEnd: day0 + 272, holdoutEnd: day0 + 545, unit: 'weeks' });
  const patterns = M.toPatterns(s.frequency, s.recency, s.T);
  const fit = M.fitBgNbd(patterns);
  assert.ok(fit.converged && fit.logCovariance, fit.message);
  const estimate = NAMES.map((n) => fit.params[n]);
  const parameters = M.parameterIntervals(estimate, fit.logCovariance, 0.9);
  const history = { frequency: patterns.x, recency: patterns.tx, T: patterns.T };
  const target = M.bgnbdConditionalExpected(truth, HOLDOUT_WEEKS, history).reduce(
    (sum, e, k) => sum + e * patterns.weight[k],
    0,
  );
  const draws = M.drawParameters(estimate, fit.logCovariance, DRAWS, seed);
  const totals = new Float64Array(DRAWS);
  M.bootstrapPatterns({
    patterns: patterns.count,
    draws: DRAWS,
    level: 0.9,
    evaluate: M.drawnExpected('bgnbd', draws, patterns, { times: [HOLDOUT_WEEKS], factors: [1] }),
    onValues: (k, values) => {
      for (let d = 0; d < DRAWS; d++) totals[d] += values[d] * patterns.weight[k];
    },
  });
  const [low, high] = M.quantilePair(totals, 0.9);
  return {
    parameters: NAMES.map((n, i) => parameters[i].low <= truth[n] && truth[n] <= parameters[i].high),
    aggregate: low <= target && target <= high,
  };
}

describe('models: interval coverage by simulation', function () {
  this.timeout(120_000);

  it(`nominal 90% intervals of the BG/NBD parameters and of the aggregate holdout purchases cover the truth in 85-95% of ${REPLICATES} replicates`, () => {
    const covers = { r: 0, alpha: 0, a: 0, b: 0, aggregate: 0 };
    for (let k = 0; k < REPLICATES; k++) {
      const result = replicate(1000 + k);
      NAMES.forEach((n, i) => (covers[n] += result.parameters[i] ? 1 : 0));
      covers.aggregate += result.aggregate ? 1 : 0;
    }
    console.log(`      coverage of ${REPLICATES} replicates: ${JSON.stringify(covers)}`);
    for (const [name, count] of Object.entries(covers))
      assert.ok(count >= 0.85 * REPLICATES && count <= 0.95 * REPLICATES, `${name}: ${count}/${REPLICATES}`);
  });

  it('quantiles by selection equal the sorted type-7 quantiles at any level and size, ties included', () => {
    fc.assert(
      fc.property(
        // Small samples full of ties, and samples past the 600 values where selection starts sampling.
        fc.oneof(
          fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }),
          fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 601, maxLength: 2500 }),
        ),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (values, level) => {
          const sorted = [...values].sort((a, b) => a - b);
          const q = (p: number) => {
            const h = (sorted.length - 1) * p;
            const i = Math.floor(h);
            return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
          };
          const [low, high] = M.quantilePair(Float64Array.from(values), level);
          assert.ok(Math.abs(low - q((1 - level) / 2)) < 1e-12 && Math.abs(high - q((1 + level) / 2)) < 1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('parameter intervals are the log-scale normal interval transformed back; draws reproduce for a seed', () => {
    const cov = [
      [0.04, 0.01],
      [0.01, 0.09],
    ];
    const [first, second] = M.parameterIntervals([2, 5], cov, 0.9);
    const z = 1.6448536269514722;
    assert.ok(
      Math.abs(first.low - 2 * Math.exp(-z * 0.2)) < 1e-12 && Math.abs(first.high - 2 * Math.exp(z * 0.2)) < 1e-12,
    );
    assert.ok(Math.abs(Math.sqrt(first.high * first.low) - 2) < 1e-12, 'geometric midpoint at the estimate');
    assert.ok(Math.abs(second.high - 5 * Math.exp(z * 0.3)) < 1e-12);
    const a = M.drawParameters([2, 5], cov, 20000, 7);
    assert.deepEqual(M.drawParameters([2, 5], cov, 3, 7), a.slice(0, 3));
    // The draws' log-scale covariance is the one asked for.
    const logs = a.map((t) => [Math.log(t[0]) - Math.log(2), Math.log(t[1]) - Math.log(5)]);
    const c = (i: number, j: number) => logs.reduce((s, l) => s + l[i] * l[j], 0) / logs.length;
    assert.ok(Math.abs(c(0, 0) - 0.04) < 0.002 && Math.abs(c(1, 1) - 0.09) < 0.004 && Math.abs(c(0, 1) - 0.01) < 0.002);
  });
});
