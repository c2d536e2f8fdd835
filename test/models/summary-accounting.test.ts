// Every customer of a log is summarised or excluded with a reason, the counts add up, the
// returns policy does what docs/data.md says, and a date-only log gets holdout purchases.
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';
import { EXCLUSION_CODES } from '../../server/src/models/summary/build';

const log = (ids: string[], customer: number[], time: number[], amount: number[] | null) => ({
  customerIds: ids,
  customer: Int32Array.from(customer),
  time: Float64Array.from(time),
  amount: amount && Float64Array.from(amount),
  rows: customer.length,
});

const excluded = (s: M.CustomerSummary) =>
  Object.fromEntries(s.warnings.filter((w) => EXCLUSION_CODES.includes(w.code)).map((w) => [w.code, w.count]));

describe('models: every customer accounted for in the summary', () => {
  // a: a regular buyer; b: only returns; c: no valid amount; d: first buys after the holdout end;
  // e: first buys in the holdout; f: returns on day 2 against a purchase on day 1, buys again on day 8.
  const l = log(
    ['a', 'b', 'c', 'd', 'e', 'f'],
    [0, 0, 1, 1, 2, 3, 4, 5, 5, 5],
    [1, 5, 2, 3, 2, 40, 20, 1, 2, 8],
    [10, 20, -5, -6, NaN, 7, 9, 30, -10, 4],
  );
  const options = { calibrationEnd: 14, holdoutEnd: 30, unit: 'days' as const };

  it('excludes with a reason per customer; summarised + excluded = customers of the log', () => {
    const s = M.summariseTransactions(l, options);
    assert.deepEqual(s.customerIds, ['a', 'f']);
    assert.deepEqual(excluded(s), {
      'first-purchase-after-calibration': 1,
      'only-after-end': 1,
      'only-returns': 1,
      'no-valid-amount': 1,
    });
    assert.equal(s.excludedCustomers, 1, 'e, as the SQL engines count it');
    const total = Object.values(excluded(s)).reduce((a, b) => a + b, 0);
    assert.equal(s.customerIds.length + total, l.customerIds.length);
  });

  it('returns exclude (default): dropped; net: off the spend, not purchases; keep: purchases', () => {
    const exclude = M.summariseTransactions(l, options);
    const f = exclude.customerIds.indexOf('f');
    assert.deepEqual([exclude.frequency[f], exclude.totalSpend![f], exclude.monetary![f]], [1, 34, 4]);
    const net = M.summariseTransactions(l, { ...options, returns: 'net' });
    assert.deepEqual(net.customerIds, ['a', 'f']);
    // The day-2 return is not a purchase; it comes off the calibration spend (30 - 10 + 4).
    assert.deepEqual([net.frequency[f], net.totalSpend![f], net.recency[f]], [1, 24, 7]);
    assert.deepEqual(excluded(net)['only-returns'], 1, 'b still has nothing but returns');
    const keep = M.summariseTransactions(l, { ...options, returns: 'keep' });
    assert.deepEqual(keep.customerIds, ['a', 'b', 'f']);
    const kf = keep.customerIds.indexOf('f');
    assert.deepEqual([keep.frequency[kf], keep.totalSpend![kf]], [2, 24]);
  });

  it('fills holdout purchases (and everything else without an amount) for a date-only log', () => {
    const dates = log(['a', 'b'], [0, 0, 0, 1, 1], [1, 5, 20, 2, 25], null);
    const s = M.summariseTransactions(dates, options);
    assert.deepEqual(Array.from(s.holdoutPurchases!), [1, 1]);
    assert.deepEqual(Array.from(s.frequency), [1, 0]);
    assert.equal(s.monetary, null);
    assert.equal(s.holdoutSpend, null);
  });
});
