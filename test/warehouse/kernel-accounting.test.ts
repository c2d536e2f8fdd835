// A split of a warehouse source (DuckDB in memory, reading a CSV beside the notebook) accounts
// for its customers and rows exactly as the file engine does for the same CSV: the same rejects
// (the plausible date range, moved with `earliest_date`), the same customers excluded by reason
// (first purchase after the calibration end, purchases only after the end, only returns, every
// row rejected or filtered) and the same notes, under each `returns` policy.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellResult } from '../../server/src/kernel/api';
import { createKernel } from '../../server/src/kernel/kernel';
import type { OutputItem } from '../../server/src/kernel/output-types';

const dir = mkdtempSync(join(tmpdir(), 'clv-warehouse-accounting-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const text = (r: CellResult | undefined) => (r?.outputs ?? []).map((o: OutputItem) => o.data['text/plain']).join('\n');

// A, B, C, D buy in calibration (A twice the same row, B a free item, D a return after buying);
// R only returns, E first buys in the holdout, L after its end, Z on a placeholder date, W is
// filtered out by `where`.
writeFileSync(
  join(dir, 'orders.csv'),
  `customer,date,amount,channel
A,2020-01-05,10,web
A,2020-02-05,12,web
A,2020-02-05,12,web
B,2020-01-10,5,web
B,2020-01-10,0,web
C,2020-02-01,7,web
C,2020-05-01,8,web
D,2020-03-01,9,web
D,2020-03-02,-3,web
R,2020-01-15,-20,web
R,2020-02-15,-5,web
E,2020-05-10,11,web
L,2020-08-01,30,web
Z,1900-01-01,5,web
W,2020-01-20,4,shop
`,
);

const BLOCK = '  customer = customer\n  date = date\n  amount = amount\n  where channel = "web"\n';

async function run(source: string) {
  const kernel = createKernel({ notebookDir: dir });
  try {
    const results = await kernel.run([
      { id: 'connection', text: 'connection files = duckdb' },
      { id: 'source', text: source },
      { id: 'split', text: 'split cal = orders until 2020-03-31, holdout until 2020-06-30, in weeks' },
    ]);
    for (const id of ['source', 'split'])
      assert.equal(results.get(id)?.status, 'ok', `${id}: ${results.get(id)?.error?.message}`);
    return { source: text(results.get('source')), split: text(results.get('split')) };
  } finally {
    await kernel.dispose();
  }
}

/** The file engine's and the warehouse's source and split outputs, the file's label and line numbers aside. */
async function both(options: string) {
  const file = await run(`source orders = csv "orders.csv" {\n${BLOCK}${options}}`);
  const warehouse = await run(
    `source orders = query "SELECT * FROM read_csv('orders.csv')" from files {\n${BLOCK}${options}}`,
  );
  const label = `query "SELECT * FROM read_csv('orders.csv')" from files`;
  return {
    file: { source: file.source.replace(/ \(line \d+\)/g, ''), split: file.split },
    warehouse: { source: warehouse.source.replace(label, 'orders.csv'), split: warehouse.split },
  };
}

describe('warehouse split: every customer and row accounted for as the file engine does', function () {
  this.timeout(60_000);

  it('returns exclude (default): the same rejects, exclusions by reason and notes', async () => {
    const { file, warehouse } = await both('');
    assert.deepEqual(warehouse, file);
    assert.match(
      warehouse.split,
      /\n9 customers read: 4 in calibration, 5 excluded:\n {2}1 × first purchase after the calibration end\n {2}1 × purchases only after the end of the holdout \(or calibration\)\n {2}1 × only returns \(negative amounts\)\n {2}1 × every row rejected when read: date in date outside 1950-01-01 to 2099-12-31 \(a placeholder\?\)\n {2}1 × every row filtered out by where\nNotes:\n {2}1 rows with amount 0 were kept as purchases \(they lower mean spend\)\.\n {2}3 rows with a negative amount \(returns\) were dropped: not purchases\.\n {2}1 rows repeat another row exactly \(customer, time, amount\); kept, merged into the same day's purchase\.\n {2}1 rows after the end of the observation period were ignored\.$/,
    );
  });

  it('returns net: returns come off spend, the customer with only returns is excluded', async () => {
    const { file, warehouse } = await both('  returns net\n');
    assert.deepEqual(warehouse, file);
    assert.match(warehouse.split, /taken off their customer's spend/);
  });

  it('returns keep: the customer with only returns is in calibration', async () => {
    const { file, warehouse } = await both('  returns keep\n');
    assert.deepEqual(warehouse, file);
    assert.match(warehouse.split, /\n9 customers read: 5 in calibration, 4 excluded:/);
  });

  it('earliest_date: the placeholder date is a purchase once the range includes it', async () => {
    const { file, warehouse } = await both('  earliest_date 1899-01-01\n');
    assert.deepEqual(warehouse, file);
    assert.match(
      warehouse.source,
      / 0 rejected, 1 filtered out by where\.\n14 transactions by 8 customers, 1900-01-01/,
    );
  });
});
