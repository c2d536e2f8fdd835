// Exports write numbers at a documented precision (money to the cent, probabilities to 6
// decimals, other measures to 4) with no binary float noise, in `export` statements and in
// the editor's "Export Segment" alike; the editor's export can write chosen segments only.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createKernel } from '../../server/src/kernel/kernel';
import { EXPORT_DECIMALS, exportNumber } from '../../server/src/kernel/evaluate/export';
import { DAY0, iso, randomPurchases, writeLog } from './small-log';

/** The CSV's rows as objects of strings. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

const decimals = (v: string) => (v.includes('.') ? v.split('.')[1].length : 0);

describe('export precision and chosen segments', function () {
  it('rounds every number exactly as Number(value.toFixed(decimals)) does, ties and huge values included', () => {
    const formats = Object.keys(EXPORT_DECIMALS) as (keyof typeof EXPORT_DECIMALS)[];
    // Decimal ties (1.005, -2.5e-7) sit where a fast rounding could differ from toFixed.
    const tie = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 7 }))
      .map(([k, d]) => (k + 0.5) / 10 ** d);
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), tie),
        fc.constantFrom(...formats),
        (v, f) => Object.is(exportNumber(v, f), Number(v.toFixed(EXPORT_DECIMALS[f]))),
      ),
      { numRuns: 20_000 },
    );
  });

  this.timeout(60_000);
  const { dir } = writeLog(randomPurchases(300, 300));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes money to the cent, probabilities to 6 decimals, measures to 4; only the chosen segments', async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run([
      {
        id: 'data',
        text: `source orders = csv "orders.csv" {\n  customer = customer_id\n  date = date\n  amount = amount\n}\nsplit cal = orders until ${iso(DAY0 + 150)}, holdout until ${iso(DAY0 + 300)}\nmodel purchases = bgnbd(cal) {\n  penalty 0.01\n}\nmodel spend = gamma_gamma(cal)`,
      },
      { id: 'value', text: 'value clv = lifetime_value(purchases, spend)' },
      {
        id: 'segments',
        text: 'segments tiers on clv {\n  "Frequent" when frequency >= 3\n  "Rest" otherwise\n}\nexport tiers to "out/tiers.csv"',
      },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const written = readCsv(join(dir, 'out', 'tiers.csv'));
    assert.ok(written.length > 100);
    const limits: Record<string, number> = {
      clv: 2,
      monetary: 2,
      total_spend: 2,
      expected_spend: 2,
      holdout_spend: 2,
      p_alive: 6,
      recency: 4,
      age: 4,
      expected_purchases: 4,
      frequency: 0,
      holdout_purchases: 0,
    };
    for (const row of written)
      for (const [column, most] of Object.entries(limits))
        assert.ok(decimals(row[column]) <= most, `${column} ${row[column]} has more than ${most} decimals`);
    assert.ok(written.some((r) => decimals(r.clv) === 2));

    const chosen = await kernel.exportSegments('tiers', join(dir, 'out', 'frequent.csv'), ['Frequent']);
    const frequent = readCsv(chosen.path);
    assert.equal(chosen.rows, frequent.length);
    assert.deepEqual(
      frequent.map((r) => r.customer),
      written.filter((r) => r.segment === 'Frequent').map((r) => r.customer),
    );
    await assert.rejects(
      kernel.exportSegments('tiers', join(dir, 'out', 'x.csv'), ['Frequnt']),
      /no segment "Frequnt"/,
    );
  });
});
