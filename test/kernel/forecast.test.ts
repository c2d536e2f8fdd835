// Purchase forecasts from a purchase model alone: `expected_purchases` on the model's own rows,
// over its `horizon` (the same numbers a value over that horizon gives) or else the holdout's length.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createKernel } from '../../server/src/kernel/kernel';
import { DAY0, iso, randomPurchases, writeLog } from './small-log';

describe('expected purchases from a purchase model alone', function () {
  this.timeout(60_000);
  const { dir } = writeLog(randomPurchases(300, 400));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const source = {
    id: 'source',
    text: 'source orders = csv "orders.csv" {\n  customer = customer_id\n  date = date\n  amount = amount\n}',
  };
  const split = { id: 'split', text: `split cal = orders until ${iso(DAY0 + 200)}, holdout until ${iso(DAY0 + 400)}` };

  it('over the model horizon: the same expected purchases as a value over that horizon', async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run([
      source,
      split,
      { id: 'model', text: 'model purchases = bgnbd(cal) {\n  horizon 26 weeks\n}\nmodel spend = gamma_gamma(cal)' },
      { id: 'forecast', text: 'table forecast = purchases { columns customer, p_alive, expected_purchases }' },
      { id: 'value', text: 'value clv = lifetime_value(purchases, spend) {\n  horizon 26 weeks\n}' },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const forecast = kernel.customerTable('forecast')!.table.array('expected_purchases') as Float64Array;
    const value = kernel.customerTable('clv')!.table.array('expected_purchases') as Float64Array;
    assert.ok(forecast.length > 100);
    assert.deepEqual(Array.from(forecast), Array.from(value));
    assert.ok(forecast.every((x) => Number.isFinite(x) && x >= 0));
  });

  it("over the holdout's length without a horizon (what `check` accepts on a model with a holdout)", async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run([
      source,
      split,
      { id: 'model', text: 'model purchases = bgnbd(cal)\nmodel spend = gamma_gamma(cal)' },
      { id: 'forecast', text: 'table t = purchases { columns customer, p_alive, expected_purchases }' },
      { id: 'value', text: 'value clv = lifetime_value(purchases, spend) {\n  horizon 200 days\n}' },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const forecast = kernel.customerTable('t')!.table.array('expected_purchases') as Float64Array;
    const value = kernel.customerTable('clv')!.table.array('expected_purchases') as Float64Array;
    forecast.forEach((x, i) => assert.ok(Math.abs(x - value[i]) < 1e-9 * Math.max(1, x), `customer ${i}`));
  });
});
