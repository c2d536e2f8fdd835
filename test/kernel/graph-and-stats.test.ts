import assert from 'node:assert/strict';
import { CycleError, dependentsOf, executionOrder } from '../../server/src/kernel/graph';
import { giniFromLorenz, lorenzCurve, quantile, sortedFinite, topShare } from '../../server/src/kernel/stats';

describe('kernel execution order', () => {
  const nodes = [
    { id: 'chart', deps: ['clv'] },
    { id: 'orders', deps: [] },
    { id: 'cal', deps: ['orders'] },
    { id: 'purchases', deps: ['cal'] },
    { id: 'spend', deps: ['cal'] },
    { id: 'clv', deps: ['purchases', 'spend'] },
    { id: 'other', deps: ['orders'] },
  ];

  it('runs dependencies first and only what the targets need', () => {
    assert.deepEqual(executionOrder(nodes, ['chart']), ['orders', 'cal', 'purchases', 'spend', 'clv', 'chart']);
    assert.deepEqual(executionOrder(nodes, ['other', 'cal']), ['orders', 'cal', 'other']);
  });

  it('reports a cycle with its path', () => {
    assert.throws(
      () =>
        executionOrder(
          [
            { id: 'a', deps: ['b'] },
            { id: 'b', deps: ['a'] },
          ],
          ['a'],
        ),
      (e: Error) => e instanceof CycleError && e.message.includes('a → b → a'),
    );
  });

  it('finds transitive dependents', () => {
    assert.deepEqual([...dependentsOf(nodes, 'cal')].sort(), ['chart', 'clv', 'purchases', 'spend']);
  });
});

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
