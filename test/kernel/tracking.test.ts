// The tracking chart's actual curve ends at the summary's own count of repeat purchases, also
// when the holdout ends a whole number of time units after the first purchase (purchases on
// that last day used to fall outside every period).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type ModelPayload } from '../../server/src/kernel/output-types';
import { DAY0, iso, randomPurchases, writeLog, type Purchase } from './small-log';

/**
 * Repeat purchases (distinct days after the first) up to `lastDay` of the customers whose first
 * purchase is in calibration (up to `calibrationEnd`), counted from the log itself.
 */
function repeatPurchases(purchases: Purchase[], calibrationEnd: number, lastDay: number): number {
  const days = new Map<string, Set<number>>();
  for (const p of purchases) if (p.day <= lastDay) days.set(p.customer, (days.get(p.customer) ?? new Set()).add(p.day));
  return [...days.values()].filter((d) => Math.min(...d) <= calibrationEnd).reduce((n, d) => n + d.size - 1, 0);
}

describe('tracking chart', function () {
  this.timeout(60_000);

  it('ends at calibration repeat purchases + holdout purchases when the holdout is whole weeks', async () => {
    // Holdout ends on day 56 = exactly 8 weeks after the first purchase (day 0); purchases on day 56.
    const purchases = [
      { customer: 'A', day: 0, amount: 10 },
      ...randomPurchases(60, 56),
      { customer: 'A', day: 56, amount: 10 },
      { customer: 'B', day: 3, amount: 10 },
      { customer: 'B', day: 56, amount: 12 },
    ];
    const { dir } = writeLog(purchases);
    try {
      const cells = [
        {
          id: 'source',
          text: 'source orders = csv "orders.csv" {\n  customer = customer_id\n  date = date\n  amount = amount\n}',
        },
        { id: 'split', text: `split cal = orders until ${iso(DAY0 + 27)}, holdout until ${iso(DAY0 + 56)}, in weeks` },
        { id: 'model', text: 'model purchases = bgnbd(cal)\nchart tracking of purchases' },
      ];
      const results = await createKernel({ notebookDir: dir }).run(cells);
      const result = results.get('model')!;
      assert.equal(result.status, 'ok', result.error?.message);
      const model = result.outputs.map((o) => o.data[MIME.model]).find(Boolean) as ModelPayload;
      const curve = model.holdout!.cumulative;
      assert.equal(curve.length, 8);
      assert.equal(curve.at(-1)!.actual, repeatPurchases(purchases, 27, 56));
      const spec = result.outputs.map((o) => o.data[MIME.vegaLite]).find(Boolean) as {
        data: { values: { period: number; series: string; transactions: number }[] };
      };
      const lastActual = spec.data.values.filter((v) => v.series === 'actual').at(-1)!;
      assert.deepEqual([lastActual.period, lastActual.transactions], [8, repeatPurchases(purchases, 27, 56)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
