// The summary builder on the raw CDNOW sample log against BTYD's cbs (x, t.x, T.cal, x.star, m.x),
// and the data policy on unsorted, duplicated, zero/negative and late rows.
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';
import { cdnowCbs, cdnowMeanSpend, dayOf, readCdnowSample } from './reference-data';

const log = (customer: number[], time: number[], amount: number[] | null) => ({
  customerIds: Array.from({ length: Math.max(...customer) + 1 }, (_, i) => `c${i}`),
  customer: Int32Array.from(customer),
  time: Float64Array.from(time),
  amount: amount && Float64Array.from(amount),
  rows: customer.length,
});

describe('models: customer summary', () => {
  it('builds the CDNOW calibration summary from CDNOW_sample.txt exactly as BTYD (weeks, same-day merged)', () => {
    const s = M.summariseTransactions(readCdnowSample(), {
      calibrationEnd: dayOf('19970930'),
      holdoutEnd: dayOf('19980630'),
      unit: 'weeks',
    });
    const cbs = cdnowCbs();
    const mx = cdnowMeanSpend();
    assert.equal(s.customerIds.length, 2357);
    assert.equal(s.excludedCustomers, 0);
    for (let i = 0; i < 2357; i++) {
      assert.equal(s.frequency[i], cbs.x[i], `x of ${s.customerIds[i]}`);
      assert.ok(
        Math.abs(s.recency[i] - cbs.tx[i]) < 1e-9 && Math.abs(s.T[i] - cbs.T[i]) < 1e-9,
        `t.x/T of ${s.customerIds[i]}`,
      );
      assert.equal(s.holdoutPurchases![i], cbs.xStar[i]);
      assert.ok(Math.abs(s.monetary![i] - mx[i]) < 1e-9, `m.x of ${s.customerIds[i]}`);
    }
    assert.deepEqual(
      s.warnings.map((w) => [w.code, w.count]),
      [
        ['zero-amount', 8],
        ['duplicate-rows', 21],
      ],
    );
  });

  it('gives the same summary for shuffled rows; merges same-day purchases; reports every policy case', () => {
    // c0: days 0, 0 (dup), 7, 14(-5 return), 20 (after cal); c1: first buys after calibration; c2: zero amount.
    const rows = {
      c: [0, 0, 0, 0, 0, 1, 2, 2, 0],
      t: [7, 0, 0, 14, 20, 16, 3, 10, 40],
      a: [10, 4, 4, -5, 8, 30, 0, 6, 1],
    };
    const s = M.summariseTransactions(log(rows.c, rows.t, rows.a), {
      calibrationEnd: 15,
      holdoutEnd: 30,
      unit: 'days',
    });
    assert.deepEqual(s.customerIds, ['c0', 'c2']);
    assert.deepEqual(Array.from(s.frequency), [1, 1]);
    assert.deepEqual(Array.from(s.recency), [7, 7]);
    assert.deepEqual(Array.from(s.T), [15, 12]);
    assert.deepEqual(Array.from(s.monetary!), [10, 6]);
    assert.deepEqual(Array.from(s.totalSpend!), [18, 6]);
    assert.deepEqual(Array.from(s.holdoutPurchases!), [1, 0]);
    assert.deepEqual(Array.from(s.holdoutSpend!), [8, 0]);
    assert.equal(s.excludedCustomers, 1);
    assert.deepEqual(
      s.warnings.map((w) => w.code),
      ['zero-amount', 'negative-amount', 'duplicate-rows', 'after-end', 'first-purchase-after-calibration'],
    );
    const order = [8, 3, 0, 6, 1, 5, 4, 7, 2];
    const shuffled = M.summariseTransactions(
      log(
        order.map((i) => rows.c[i]),
        order.map((i) => rows.t[i]),
        order.map((i) => rows.a[i]),
      ),
      { calibrationEnd: 15, holdoutEnd: 30, unit: 'days' },
    );
    assert.deepEqual(
      [shuffled.frequency, shuffled.recency, shuffled.T, shuffled.monetary],
      [s.frequency, s.recency, s.T, s.monetary],
    );
    assert.equal(s.repeatPurchaseDays, null, 'listed only when asked');
    // The repeat purchases those counts are made of: c0's day 7 (calibration) and day 20
    // (holdout; the return on day 14 is not a purchase), c2's day 10; c1 is excluded.
    const days = M.summariseTransactions(log(rows.c, rows.t, rows.a), {
      calibrationEnd: 15,
      holdoutEnd: 30,
      unit: 'days',
      repeatPurchaseDays: true,
    });
    assert.deepEqual(Array.from(days.repeatPurchaseDays!), [7, 20, 10]);
    const weekly = M.summariseTransactions(log(rows.c, rows.t, rows.a), {
      calibrationEnd: 15,
      holdoutEnd: 30,
      unit: 'weeks',
      mergeDays: 7,
      repeatPurchaseDays: true,
    });
    assert.deepEqual(Array.from(weekly.repeatPurchaseDays!), [7, 14, 7], 'the first day of each merge period');
  });

  it('keeps negative amounts when asked, merges per week when asked, converts units', () => {
    const l = log([0, 0, 0], [0, 3, 9], [10, -4, 6]);
    const kept = M.summariseTransactions(l, { calibrationEnd: 13, unit: 'days', returns: 'keep' });
    assert.deepEqual([kept.frequency[0], kept.totalSpend![0], kept.monetary![0]], [2, 12, 1]);
    const weekly = M.summariseTransactions(l, {
      calibrationEnd: 13,
      unit: 'weeks',
      mergeDays: 7,
      returns: 'keep',
    });
    assert.deepEqual([weekly.frequency[0], weekly.recency[0], weekly.T[0]], [1, 1, 13 / 7]);
    const months = M.summariseTransactions(l, { calibrationEnd: 13, unit: 'months' });
    assert.equal(months.T[0], 13 / (365.2425 / 12));
  });
});
