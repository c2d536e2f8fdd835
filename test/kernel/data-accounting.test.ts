// The kernel accounts for every customer read, at the split, applies the source's returns
// policy, says so when every amount is negative, and runs a whole analysis on a date-only log
// (holdout purchases filled without an amount column).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellResult } from '../../server/src/kernel/api';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type ModelPayload, type OutputItem } from '../../server/src/kernel/output-types';
import { generatedCsv } from './generated-csv';
import { repoRoot } from './notebooks';

const dir = mkdtempSync(join(tmpdir(), 'clv-accounting-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const text = (r: CellResult | undefined) => (r?.outputs ?? []).map((o: OutputItem) => o.data['text/plain']).join('\n');

async function run(csv: string, source: string, more: { id: string; text: string }[] = []) {
  writeFileSync(join(dir, 'orders.csv'), csv);
  const kernel = createKernel({ notebookDir: dir });
  return kernel.run([
    { id: 'source', text: `source orders = csv "orders.csv" {\n${source}\n}` },
    { id: 'split', text: 'split cal = orders until 2020-03-31, holdout until 2020-06-30, in weeks' },
    ...more,
  ]);
}

const MAPPINGS = '  customer = customer\n  date = date\n  amount = amount';

// Seven customers: four buy normally; R has only returns, I only Infinity amounts, L first buys
// after the holdout end.
const SEVEN = `customer,date,amount
A,2020-01-05,10
A,2020-02-05,12
B,2020-01-10,5
C,2020-02-01,7
C,2020-05-01,8
D,2020-03-01,9
R,2020-01-15,-20
R,2020-02-15,-5
I,2020-01-20,Infinity
L,2020-08-01,30
`;

describe('kernel: every customer accounted for at the split', () => {
  it('7 customers read: 4 in calibration, 3 excluded, each with its reason', async () => {
    const results = await run(SEVEN, MAPPINGS);
    assert.equal(results.get('split')?.status, 'ok', results.get('split')?.error?.message);
    const split = text(results.get('split'));
    assert.match(
      split,
      /\n7 customers read: 4 in calibration, 3 excluded:\n {2}1 × purchases only after the end of the holdout \(or calibration\)\n {2}1 × only returns \(negative amounts\)\n {2}1 × every row rejected when read: non-finite amount \(Infinity, NaN or beyond ±1\.8e308\)\nNotes:\n {2}2 rows with a negative amount \(returns\) were dropped: not purchases\.\n {2}1 rows after the end of the observation period were ignored\./,
    );
  });

  it('returns net: negative amounts come off the spend; the summary says so', async () => {
    const results = await run(SEVEN, `${MAPPINGS}\n  returns net`);
    assert.match(
      text(results.get('split')),
      /2 rows with a negative amount \(returns\) were taken off their customer's spend/,
    );
  });

  it('every amount negative: the error says so and names the way out', async () => {
    const results = await run('customer,date,amount\nA,2020-01-05,-10\nB,2020-01-06,-3\n', MAPPINGS);
    const split = results.get('split');
    assert.equal(split?.status, 'error');
    assert.match(
      split?.error?.message ?? '',
      /Every amount in "orders" is negative \(returns\): with `returns exclude`/,
    );
  });

  it('placeholder dates are rejected rows; earliest_date widens the range', async () => {
    const csv =
      'customer,date,amount\nA,0001-01-01,1\nA,2020-01-05,10\nB,1900-06-01,3\nB,2020-02-01,4\nC,9999-12-31,5\n';
    const narrow = text((await run(csv, MAPPINGS)).get('source'));
    assert.match(
      narrow,
      /5 rows read from orders\.csv, 3 rejected\.\n {2}3 × date in date outside 1950-01-01 to 2099-12-31 \(a placeholder\?\) \(lines 2, 4, 6\)/,
    );
    const wide = text((await run(csv, `${MAPPINGS}\n  earliest_date 1900-01-01`)).get('source'));
    assert.match(wide, /2 × date in date outside 1900-01-01 to 2099-12-31/);
  });
});

describe('kernel: placeholder dates and numerical failure', function () {
  this.timeout(120_000);
  // 200 customers through 2020, P whose first purchase is 0001-01-01 and Q on 9999-12-31 (placeholders).
  const csv = readFileSync(join(repoRoot, 'test', 'fixtures', 'data', 'placeholder-dates.csv'), 'utf8');
  const model = { id: 'model', text: 'model m = bgnbd(cal)' };
  const split = 'split cal = orders until 2020-08-31, holdout until 2020-12-31, in weeks';

  it('rejected by default: the model fits the plausible rows', async () => {
    const results = await run(csv, MAPPINGS, [model]);
    assert.match(text(results.get('source')), /2 × date in date outside 1950-01-01 to 2099-12-31/);
    assert.equal(results.get('model')?.status, 'ok', results.get('model')?.error?.message);
  });

  it("let through, the series that does not converge is the model's failure, explained, not an internal error", async () => {
    writeFileSync(join(dir, 'orders.csv'), csv);
    const results = await createKernel({ notebookDir: dir }).run([
      {
        id: 'source',
        text: `source orders = csv "orders.csv" {\n${MAPPINGS}\n  earliest_date 0001-01-01\n  latest_date 9999-12-31\n}`,
      },
      { id: 'split', text: split },
      model,
    ]);
    const error = results.get('model')?.error?.message ?? '';
    assert.match(error, /The BG\/NBD model failed numerically while scoring its customers: hyp2f1\(.*did not converge/);
    assert.doesNotMatch(error, /Internal error/);
  });
});

describe('kernel: a date-only log', function () {
  this.timeout(120_000);
  it('runs source, split and a purchase model; holdout purchases are counted without amounts', async () => {
    const generated = generatedCsv(20_000);
    const dateOnly = readFileSync(generated.file, 'utf8').replace(/,[^,\n]*$/gm, '');
    writeFileSync(join(dir, 'dates.csv'), dateOnly);
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run([
      { id: 'source', text: 'source orders = csv "dates.csv" {\n  customer = customer_id\n  date = date\n}' },
      {
        id: 'split',
        text: `split cal = orders until ${generated.calibrationEnd}, holdout until ${generated.holdoutEnd}, in weeks`,
      },
      { id: 'model', text: 'model purchases = bgnbd(cal)' },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const customers = kernel.customerTable('purchases')!.table;
    const holdout = customers.column('holdout_purchases') as unknown as ArrayLike<number>;
    let total = 0;
    for (let i = 0; i < holdout.length; i++) total += holdout[i];
    assert.ok(total > 1000, `holdout purchases ${total}`);
    const model = results
      .get('model')!
      .outputs.map((o) => (o.data as Record<string, unknown>)[MIME.model])
      .find(Boolean) as ModelPayload;
    const actual = model.holdout!.byFrequency.reduce((s, g) => s + g.actual * g.customers, 0);
    assert.ok(Math.abs(actual - total) < 1e-6, `${actual} vs ${total}`);
  });
});
