import assert from 'node:assert/strict';
import { topRows } from '../../server/src/kernel/evaluate/table';

describe('kernel table: top rows without a full sort', () => {
  const values = Float64Array.from([5, NaN, 9, 1, 9, 3, 7]);
  it('orders the largest first, ties by position', () => {
    assert.deepEqual(topRows(values, 3, true), [2, 4, 6]);
    assert.deepEqual(topRows(values, 2, false), [3, 5]);
  });
  it('puts missing values last when the limit reaches them', () => {
    assert.deepEqual(topRows(values, 7, true), [2, 4, 6, 0, 5, 3, 1]);
  });
});
