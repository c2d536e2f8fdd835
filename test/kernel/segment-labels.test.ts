// Labels compared with `segment`, and lists of values in conditions, through the kernel: a list
// selects exactly its members; an empty result says "no rows" rather than an empty grid.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type TablePayload } from '../../server/src/kernel/output-types';
import { DAY0, iso, randomPurchases, writeLog } from './small-log';

describe('segment labels and lists of values in conditions', function () {
  this.timeout(60_000);
  const { dir } = writeLog(randomPurchases(200, 300));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cells = (table: string) => [
    {
      id: 'data',
      text: `source orders = csv "orders.csv" {\n  customer = customer_id\n  date = date\n  amount = amount\n}\nsplit cal = orders until ${iso(DAY0 + 150)}, holdout until ${iso(DAY0 + 300)}\nmodel purchases = bgnbd(cal)`,
    },
    {
      id: 'segments',
      text: 'segments tiers on purchases {\n  "Frequent" when frequency >= 3\n  "Once" when frequency = 0\n  "Rest" otherwise\n}',
    },
    { id: 'table', text: table },
  ];

  it('`segment in (...)` and `customer in (...)` select exactly the listed', async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run(
      cells('table t = tiers {\n  where segment in ("Frequent", "Once") or customer in ("C0001", "C0002")\n}'),
    );
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const all = kernel.customerTable('tiers')!.table.objects() as { customer: string; segment: string }[];
    const expected = all
      .filter(
        (c) => c.segment === 'Frequent' || c.segment === 'Once' || c.customer === 'C0001' || c.customer === 'C0002',
      )
      .map((c) => c.customer);
    const shown = kernel.customerTable('t')!.table.array('customer') as string[];
    assert.ok(expected.some((c) => c === 'C0001') && expected.length < all.length);
    assert.deepEqual([...shown], expected);
  });

  it('a table nobody matches says "no rows"', async () => {
    const results = await createKernel({ notebookDir: dir }).run(
      cells('table t = tiers {\n  where segment = "Frequent" and frequency < 1\n}'),
    );
    const output = results.get('table')!.outputs[0].data;
    assert.equal((output[MIME.table] as TablePayload).totalRows, 0);
    assert.match(output['text/plain'], /\(no rows\)$/);
  });
});
