// Purchase forecasts from a purchase model alone: `expected_purchases` on the model's own rows,
// over its `horizon` (the same numbers a value over that horizon gives) or else the holdout's length.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createKernel } from '../../server/src/kernel/kernel';
import { DAY0, iso, randomPurchases, writeLog } from './small-log';
import { paretoNbdModel } from '../../server/src/models';

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

  it("P(alive) at the horizon and P(no purchase) over it: the library's, per customer, on the model and the value alike", async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run([
      source,
      split,
      {
        id: 'model',
        text: 'model purchases = pareto_nbd(cal) {\n  horizon 26 weeks\n}\nmodel spend = gamma_gamma(cal)',
      },
      {
        id: 'forecast',
        text: 'table quiet = purchases {\n  columns customer, p_alive, p_alive_at_horizon, p_no_purchase\n  where p_no_purchase > 0.1\n}',
      },
      { id: 'value', text: 'value clv = lifetime_value(purchases, spend) {\n  horizon 26 weeks\n}' },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const model = kernel.computed('purchases') as {
      kind: 'model';
      model: { fitted: { parameters: { name: string; estimate: number }[] } };
    };
    const [r, alpha, s, beta] = model.model.fitted.parameters.map((p) => p.estimate);
    const column = (name: string, metric: string) =>
      Array.from(kernel.customerTable(name)!.table.array(metric) as Float64Array);
    const h = {
      frequency: Float64Array.from(column('purchases', 'frequency')),
      recency: Float64Array.from(column('purchases', 'recency')),
      T: Float64Array.from(column('purchases', 'age')),
    };
    const library = paretoNbdModel({ r, alpha, s, beta });
    assert.deepEqual(column('purchases', 'p_alive_at_horizon'), Array.from(library.pAliveAfter(26, h)));
    assert.deepEqual(column('purchases', 'p_no_purchase'), Array.from(library.pNoPurchase(26, h)));
    assert.deepEqual(column('clv', 'p_no_purchase'), column('purchases', 'p_no_purchase'));
    const quiet = column('quiet', 'p_no_purchase');
    assert.ok(quiet.length > 0 && quiet.every((p) => p > 0.1 && p <= 1));
    const alive = column('purchases', 'p_alive'),
      later = column('purchases', 'p_alive_at_horizon');
    assert.ok(
      later.every((p, i) => p <= alive[i]),
      'P(alive) can only fall over the horizon',
    );
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
