// An `export` statement guards CSV text against spreadsheet formulas unless the notebook turns
// the guard off (`spreadsheet_safe false`, for programs reading the file); numbers never change.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createKernel } from '../../server/src/kernel/kernel';
import { DAY0, iso, randomPurchases, writeLog } from './small-log';

describe('export statements and the spreadsheet formula guard', function () {
  this.timeout(60_000);
  const { dir } = writeLog(randomPurchases(200, 300));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prefixes formula-like labels by default and writes them exactly with spreadsheet_safe false', async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run([
      {
        id: 'data',
        text: `source orders = csv "orders.csv" {\n  customer = customer_id\n  date = date\n  amount = amount\n}\nsplit cal = orders until ${iso(DAY0 + 150)}\nmodel purchases = bgnbd(cal)`,
      },
      {
        id: 'exports',
        text: [
          'segments tiers on purchases {\n  "-Repeat-" when frequency >= 1\n  "=None" otherwise\n}',
          'export tiers to "out/people.csv"',
          'export tiers to "out/programs.csv" {\n  spreadsheet_safe false\n}',
        ].join('\n'),
      },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const column = (file: string, name: string) => {
      const [header, ...rows] = readFileSync(join(dir, 'out', file), 'utf8')
        .trim()
        .split('\n');
      const at = header.split(',').indexOf(name);
      return rows.map((r) => r.split(',')[at]);
    };
    assert.deepEqual([...new Set(column('people.csv', 'segment'))].sort(), ["'-Repeat-", "'=None"]);
    assert.deepEqual([...new Set(column('programs.csv', 'segment'))].sort(), ['-Repeat-', '=None']);
    assert.deepEqual(column('people.csv', 'p_alive'), column('programs.csv', 'p_alive'));
  });
});
