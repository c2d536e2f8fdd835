// A split of a warehouse source (DuckDB in memory, reading a CSV beside the notebook) accounts
// for every customer the engine counted, honours the source's `returns exclude | keep`, and
// refuses `returns net` (which only the file summary does) with a message on the option.
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

// Four customers buy in calibration; R only returns, E first buys in the holdout, L after its end.
writeFileSync(
  join(dir, 'orders.csv'),
  `customer,date,amount
A,2020-01-05,10
A,2020-02-05,12
B,2020-01-10,5
C,2020-02-01,7
C,2020-05-01,8
D,2020-03-01,9
R,2020-01-15,-20
R,2020-02-15,-5
E,2020-05-10,11
L,2020-08-01,30
`,
);

async function run(options: string) {
  const kernel = createKernel({ notebookDir: dir });
  try {
    return await kernel.run([
      { id: 'connection', text: 'connection files = duckdb' },
      {
        id: 'source',
        text: `source orders = query "SELECT * FROM read_csv('orders.csv')" from files {\n  customer = customer\n  date = date\n  amount = amount\n${options}}`,
      },
      { id: 'split', text: 'split cal = orders until 2020-03-31, holdout until 2020-06-30, in weeks' },
    ]);
  } finally {
    await kernel.dispose();
  }
}

describe('warehouse split: every customer accounted for', function () {
  this.timeout(60_000);

  it('returns exclude (default): 7 customers read, 4 in calibration, 3 excluded with their reasons', async () => {
    const results = await run('');
    assert.equal(results.get('split')?.status, 'ok', results.get('split')?.error?.message);
    assert.match(
      text(results.get('split')),
      /\n7 customers read: 4 in calibration, 3 excluded:\n {2}1 × first purchase after the calibration end\n {2}2 × no purchase by the end of the holdout \(or calibration\), or only returns \(negative amounts\)$/,
    );
  });

  it('returns keep: the customer with only returns is in calibration', async () => {
    const results = await run('  returns keep\n');
    assert.equal(results.get('split')?.status, 'ok', results.get('split')?.error?.message);
    assert.match(
      text(results.get('split')),
      /\n7 customers read: 5 in calibration, 2 excluded:\n {2}1 × first purchase after the calibration end\n {2}1 × no purchase by the end/,
    );
  });

  it('returns net: an error on the source naming the policies it can use', async () => {
    const results = await run('  returns net\n');
    assert.equal(results.get('source')?.status, 'error');
    assert.match(
      results.get('source')?.error?.message ?? '',
      /^5:11 {2}`returns net` is not available for a source read through a connection: write `returns exclude` \(the default\) or `returns keep`\.$/,
    );
  });
});
