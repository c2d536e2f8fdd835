// Whatever the checker accepts must run: every golden "valid" check fixture (one with no
// diagnostics) and every page of documentation examples, as notebooks, run through the kernel
// on small generated data files named as they name them. A definition the checker passes and
// the kernel rejects (a column a model cannot give, a column mapped to two roles) fails here.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKernel } from '../../server/src/kernel/kernel';
import { checkProgram } from '../../server/src/language';
import { examples, docsDir, pages } from '../language/docs-examples';
import { fixtures, splitCells } from '../language/golden';
import { repoRoot } from './notebooks';
import { compactDate, iso, randomPurchases } from './small-log';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1997, 0, 1) / DAY_MS;

/** A notebook folder with every data file the fixtures and docs name, generated or copied from the samples. */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clv-checked-run-'));
  mkdirSync(join(dir, 'data'));
  // 300 customers from January 1997 to June 1998, CDNOW's layout (no header, spaces). Customers
  // drop out as BG/NBD assumes, so every purchase model's fit is regular (has a covariance).
  const purchases = randomPurchases(300, 545, 7, 0.25);
  const cdnow = purchases.map(
    (p, i) =>
      ` ${p.customer.slice(1)} ${String(i % 7).padStart(4, '0')} ${compactDate(FIRST_DAY + p.day)} 1 ${p.amount.toFixed(2)}`,
  );
  for (const name of ['cdnow.txt', 'CDNOW_sample.txt']) writeFileSync(join(dir, 'data', name), cdnow.join('\n') + '\n');
  const orders = purchases.map((p) => `${p.customer},${iso(FIRST_DAY + p.day)}`);
  writeFileSync(join(dir, 'data', 'orders.csv'), ['customer_id,order_date', ...orders].join('\n') + '\n');
  copyFileSync(join(repoRoot, 'samples/donations/data/donations.csv'), join(dir, 'data', 'donations.csv'));
  copyFileSync(
    join(repoRoot, 'samples/subscriptions/data/retention_1000.csv'),
    join(dir, 'data', 'retention_1000.csv'),
  );
  return dir;
}

const validFixtures = fixtures('check')
  .filter((f) => readFileSync(f.path.replace(/\.clv$/, '.diagnostics'), 'utf8').trim() === '')
  .map((f) => ({ name: `check fixture ${f.name}`, cells: splitCells(f.text).cells }));

const docsNotebooks = pages
  .map((page) => ({
    name: `docs/${page}`,
    cells: examples(readFileSync(join(docsDir, page), 'utf8'))
      .filter((e) => e.info === '')
      .map((e) => ({ id: `${page}:${e.line}`, text: e.text })),
  }))
  .filter((n) => n.cells.length > 0);

describe('every notebook the checker accepts runs', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = dataFolder()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has valid fixtures and docs examples to run', () => {
    assert.ok(validFixtures.length >= 1);
    assert.ok(docsNotebooks.some((n) => n.name === 'docs/language.md'));
  });

  for (const notebook of [...validFixtures, ...docsNotebooks]) {
    it(`${notebook.name}: checks clean and every cell runs`, async () => {
      const checked = checkProgram(notebook.cells);
      assert.deepEqual(
        checked.cells.flatMap((c) => c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)),
        [],
      );
      const kernel = createKernel({ notebookDir: dir });
      try {
        const results = await kernel.run(notebook.cells);
        const failed = [...results].filter(([, r]) => r.status !== 'ok').map(([id, r]) => `${id}: ${r.error?.message}`);
        assert.deepEqual(failed, []);
      } finally {
        await kernel.dispose();
      }
    });
  }
});
