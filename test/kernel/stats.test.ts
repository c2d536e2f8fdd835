import assert from 'node:assert/strict';
import { giniFromLorenz, lorenzCurve, quantile, sortedFinite, topShare } from '../../server/src/kernel/stats';

describe('kernel value statistics', () => {
  const sorted = sortedFinite([5, NaN, 1, 3, 2, 4, 0, 0, 0, 0, 0]);

  it('sorts and drops non-finite values', () => {
    assert.deepEqual([...sorted], [0, 0, 0, 0, 0, 1, 2, 3, 4, 5]);
  });

  it('interpolates quantiles', () => {
    assert.equal(quantile(sorted, 0.5), 0.5);
    assert.equal(quantile(sorted, 1), 5);
  });

  it('computes the top share on whole customers', () => {
    assert.equal(topShare(sorted, 0.2), 9 / 15); // 4 + 5 of 15
  });

  it('builds a Lorenz curve from 0 to 1 and a Gini in [0, 1]', () => {
    const points = lorenzCurve(sorted, 10);
    assert.equal(points.length, 11);
    assert.deepEqual(points[0], { customers: 0, value: 0 });
    assert.equal(points[10].value, 1);
    assert.equal(points[5].value, 0);
    const equal = lorenzCurve(sortedFinite([1, 1, 1, 1]), 4);
    assert.ok(Math.abs(giniFromLorenz(equal)) < 1e-12);
    assert.ok(giniFromLorenz(points) > 0.5);
  });
});
