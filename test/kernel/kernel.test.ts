// The kernel end to end, in process, on the CDNOW sample: published estimates, outputs of
// every kind, caching, invalidation and failure propagation.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import type { CellResult } from '../../server/src/kernel/api';
import { createKernel, type Kernel } from '../../server/src/kernel/kernel';
import {
  MIME,
  type ModelPayload,
  type OutputItem,
  type SegmentsPayload,
  type TablePayload,
} from '../../server/src/kernel/output-types';
import { CDNOW_SOURCE, cdnowCells, cdnowDir } from './notebooks';

function payloads<T>(result: CellResult | undefined, mime: string): T[] {
  return (result?.outputs ?? [])
    .map((o: OutputItem) => (o.data as Record<string, unknown>)[mime] as T)
    .filter((x) => x !== undefined);
}

/** A kernel whose log is kept, to count what it computed. */
function loggedKernel(): { kernel: Kernel; log: string[] } {
  const log: string[] = [];
  return { kernel: createKernel({ notebookDir: cdnowDir, log: (m) => log.push(m) }), log };
}

/** How often the statement defining `name` was computed: the log names it "cell N (name)". */
const computed = (log: string[], name: string) =>
  log.filter((l) => / \((.*)\): computed in /.exec(l)?.[1] === name).length;

describe('kernel on CDNOW', function () {
  this.timeout(120_000);
  let kernel: Kernel;
  let log: string[];
  let results: Map<string, CellResult>;

  before(async () => {
    ({ kernel, log } = loggedKernel());
    results = await kernel.run(cdnowCells());
  });

  it('runs every cell without error', () => {
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    assert.equal(results.size, cdnowCells().length);
    for (const r of results.values()) for (const o of r.outputs) assert.equal(typeof o.data['text/plain'], 'string');
  });

  it('reports the source: rows read, customers and date range', () => {
    const text = results.get('source')!.outputs[0].data['text/plain'];
    assert.match(text, /6,919 rows read/);
    assert.match(text, /2,357 customers/);
    assert.match(text, /1997-01-01 to 1998-06-30/);
  });

  it('reproduces the published BG/NBD estimates (Fader, Hardie & Lee 2005)', () => {
    const [bgnbd] = payloads<ModelPayload>(results.get('models'), MIME.model);
    assert.equal(bgnbd.kind, 'BG/NBD');
    const estimates = Object.fromEntries(bgnbd.parameters.map((p) => [p.name, Number(p.estimate.toFixed(3))]));
    assert.deepEqual(estimates, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    assert.equal(bgnbd.logLikelihood.toFixed(1), '-9582.4');
    assert.ok(bgnbd.converged);
    for (const p of bgnbd.parameters) assert.ok(p.standardError! > 0);
    assert.equal(bgnbd.customers, 2357);
  });

  it('reproduces the published Gamma-Gamma estimates (Fader, Hardie & Lee 2005)', () => {
    const [, gg] = payloads<ModelPayload>(results.get('models'), MIME.model);
    assert.equal(gg.kind, 'Gamma-Gamma');
    assert.equal(gg.customers, 946);
    const estimates = Object.fromEntries(gg.parameters.map((p) => [p.name, Number(p.estimate.toFixed(2))]));
    assert.deepEqual(estimates, { p: 6.25, q: 3.74, gamma: 15.44 });
    assert.equal(gg.logLikelihood.toFixed(2), '-4055.92');
  });

  it('checks the model against the holdout, per frequency group and cumulatively', () => {
    const [bgnbd] = payloads<ModelPayload>(results.get('models'), MIME.model);
    const holdout = bgnbd.holdout!;
    assert.equal(holdout.unit, 'weeks');
    assert.equal(holdout.byFrequency[0].frequency, '0');
    assert.equal(
      holdout.byFrequency.reduce((s, g) => s + g.customers, 0),
      2357,
    );
    // BTYD walkthrough: cumulative repeat transactions at weeks 20-25, actual and BG/NBD expected.
    const at = (week: number) => holdout.cumulative.find((c) => c.period === week)!;
    assert.deepEqual(
      [20, 21, 22, 23, 24, 25].map((w) => at(w).actual),
      [1359, 1414, 1484, 1517, 1573, 1672],
    );
    assert.ok(Math.abs(at(20).expected - 1312.458) < 1, String(at(20).expected));
    assert.ok(Math.abs(at(25).expected - 1669.6) < 1, String(at(25).expected));
  });

  it('builds per-customer values whose total is the CLV total of the output', () => {
    const customers = kernel.customerTable('clv')!;
    assert.equal(customers.table.numRows(), 2357);
    const clv = customers.table.column('clv') as unknown as Float64Array;
    let total = 0;
    for (const v of clv) total += v;
    const text = results.get('value')!.outputs[0].data['text/plain'];
    const shown = Number(/total clv ([\d,.]+)/.exec(text)![1].replace(/,/g, ''));
    assert.ok(Math.abs(shown - total) < 0.01, `${shown} vs ${total}`);
    assert.match(text, /The top 20% of customers hold \d+\.\d% of predicted value/);
  });

  it('segments every customer exactly once', () => {
    const [tiers] = payloads<SegmentsPayload>(results.get('segments'), MIME.segments);
    assert.equal(tiers.totalCustomers, 2357);
    assert.equal(
      tiers.segments.reduce((s, x) => s + x.customers, 0),
      2357,
    );
    assert.ok(Math.abs(tiers.segments.reduce((s, x) => s + x.valueShare, 0) - 1) < 1e-9);
    assert.equal(tiers.segments[0].rule, 'clv in top 10% and p_alive > 0.7');
    assert.ok(
      Math.abs(tiers.totalValue - kernel.customerTable('clv')!.table.rollup({ t: 'd => op.sum(d.clv)' }).get('t', 0)) <
        1e-6,
    );
  });

  it('emits Vega-Lite specs that compile and carry aggregates only', () => {
    let charts = 0;
    for (const r of results.values()) {
      for (const spec of payloads<Record<string, unknown>>(r, MIME.vegaLite)) {
        compile(spec as never);
        const rows = (spec.data as { values: unknown[] } | undefined)?.values.length ?? 0;
        assert.ok(rows <= 5000, `${spec.title}: ${rows} rows`);
        charts++;
      }
    }
    // tracking, matrix, lorenz, histogram, scatter, bar (the value cell draws no second Lorenz curve).
    assert.equal(charts, 6);
  });

  it('pages tables: the first 50 rows inline, the rest on request', async () => {
    const [page] = payloads<TablePayload>(results.get('table'), MIME.table);
    assert.equal(page.totalRows, 60);
    assert.equal(page.rows.length, 50);
    assert.deepEqual(
      page.columns.map((c) => c.name),
      ['customer', 'segment', 'clv', 'p_alive', 'holdout_purchases'],
    );
    const clv = page.rows.map((r) => r[2] as number);
    assert.deepEqual(
      clv,
      [...clv].sort((a, b) => b - a),
    );
    assert.equal(page.source, 'top', 'the output names what the renderer may ask more pages of');
    assert.deepEqual(page.sort, { column: 'clv', descending: true }, "the table's own order, for the header's arrow");
    const rest = await kernel.tablePage('top', 50, 50);
    assert.equal(rest.rows.length, 10);
    assert.equal(rest.offset, 50);
  });

  it('serves pages of the whole table in another order, missing values last both ways', async () => {
    const all = (await kernel.tablePage('top', 0, 100)).rows;
    for (const descending of [false, true]) {
      const sort = { column: 'holdout_purchases', descending };
      const first = await kernel.tablePage('top', 0, 30, sort);
      const second = await kernel.tablePage('top', 30, 30, sort);
      assert.deepEqual(first.sort, sort);
      const column = [...first.rows, ...second.rows].map((r) => r[4] as number | null);
      const present = all
        .map((r) => r[4] as number | null)
        .filter((v): v is number => v !== null)
        .sort((a, b) => (descending ? b - a : a - b));
      assert.deepEqual(column.slice(0, present.length), present);
      assert.ok(column.slice(present.length).every((v) => v === null));
      assert.equal(column.length, 60);
    }
    await assert.rejects(
      kernel.tablePage('top', 0, 10, { column: 'nope', descending: false }),
      /"top" has no column "nope" to sort by\./,
    );
  });

  it('names each statement in its log by cell number and name or first line, never by cell id', () => {
    const names = log.filter((l) => l.includes(': computed in ')).map((l) => l.slice(0, l.indexOf(': computed in ')));
    assert.deepEqual(names.slice(0, 6), [
      'cell 1 (orders)',
      'cell 2 (calibration)',
      'cell 3 (purchases)',
      'cell 3 (spend)',
      'cell 4 (chart tracking of purchases)',
      'cell 4 (chart matrix of purchases by p_alive)',
    ]);
    assert.ok(names.includes('cell 7 (tiers)'), names.join('\n'));
    assert.ok(log.every((l) => !/\b(source|models|segments)#\d/.test(l)));
  });

  it('serves a re-run chart from the cache without reloading or refitting', async () => {
    const before = { source: computed(log, 'orders'), fit: computed(log, 'purchases') };
    const again = await kernel.run(cdnowCells(), { cellIds: ['lorenz'] });
    assert.deepEqual([...again.keys()], ['lorenz']);
    assert.equal(again.get('lorenz')!.status, 'ok');
    assert.equal(computed(log, 'orders'), before.source);
    assert.equal(computed(log, 'purchases'), before.fit);
  });

  it('re-runs exactly the dependents of an edited source', async () => {
    const cells = cdnowCells(CDNOW_SOURCE.replace('  amount   = sales', '  amount   = sales\n  where sales > 0'));
    const counts = () => ({
      orders: computed(log, 'orders'),
      purchases: computed(log, 'purchases'),
      clv: computed(log, 'clv'),
    });
    const before = counts();
    const rerun = await kernel.run(cells, { cellIds: ['lorenz'] });
    // The lorenz cell needs clv ← purchases, spend ← calibration ← orders: all stale now.
    assert.deepEqual(counts(), { orders: before.orders + 1, purchases: before.purchases + 1, clv: before.clv + 1 });
    assert.ok(rerun.has('source') && rerun.has('models') && rerun.has('value'));
    // Cells that read none of it (there are none here besides those) and unrelated ones are untouched.
    assert.ok(!rerun.has('table'));
  });
});

describe('kernel exports', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'clv-kernel-export-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes segment members inside the notebook folder and refuses a path that leaves it', async () => {
    // The notebook lives in a temp folder; its source points at the CDNOW sample's data by absolute path.
    const cells = cdnowCells(
      CDNOW_SOURCE.replace('"CDNOW_sample.txt"', JSON.stringify(join(cdnowDir, 'CDNOW_sample.txt'))),
    );
    cells.push(
      { id: 'export', text: 'export tiers to "out/tiers.csv"' },
      { id: 'escape', text: 'export tiers to "../tiers.csv"' },
    );
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run(cells, { cellIds: ['export', 'escape'] });
    assert.equal(results.get('export')!.status, 'ok', results.get('export')!.error?.message);
    assert.match(results.get('export')!.outputs[0].data['text/plain'], /^Wrote 2,357 customers to .*out\/tiers\.csv$/);
    const lines = readFileSync(join(dir, 'out', 'tiers.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    assert.equal(lines.length, 2358);
    const header = lines[0].split(',');
    assert.deepEqual([header[0], header.at(-1)], ['customer', 'segment']);
    assert.ok(header.includes('clv') && header.includes('p_alive') && header.includes('first_purchase'));
    assert.match(lines[1], /^00004,.*,1997-01-01,/);
    const escape = results.get('escape')!;
    assert.equal(escape.status, 'error');
    assert.match(escape.error!.message, /^1:17 {2}The export path "\.\.\/tiers\.csv" leaves the notebook's folder/);
    // The same through the API (the editor's "export segment" command).
    const written = await kernel.exportSegments('tiers', 'out/again.json');
    assert.equal(written.rows, 2357);
  });
});

describe('kernel failures', function () {
  this.timeout(60_000);

  it('marks dependents of a failed source as skipped, naming the upstream cell', async () => {
    const cells = cdnowCells(CDNOW_SOURCE.replace('CDNOW_sample.txt', 'no_such_file.txt'));
    const results = await createKernel({ notebookDir: cdnowDir }).run(cells);
    const source = results.get('source')!;
    assert.equal(source.status, 'error');
    assert.match(source.error!.message, /no_such_file\.txt/);
    assert.equal(source.error!.range!.start.line, 0);
    for (const id of ['split', 'models', 'value', 'segments']) {
      const r = results.get(id)!;
      assert.equal(r.status, 'skipped', id);
      assert.equal(r.error!.cellId, 'source');
    }
    assert.match(results.get('split')!.error!.message, /needs "orders" \(cell 1\), which failed/);
  });

  it('does not run a cell with check errors and returns its diagnostics with line:col', async () => {
    const cells = cdnowCells();
    cells[4] = { id: 'value', text: 'value clv = lifetime_value(purchases, spend) {\n  horizn 12 months\n}' };
    const results = await createKernel({ notebookDir: cdnowDir }).run(cells, { cellIds: ['value', 'lorenz'] });
    const value = results.get('value')!;
    assert.equal(value.status, 'error');
    assert.match(value.error!.message, /2:3/);
    assert.deepEqual(value.error!.range!.start, { line: 1, character: 2 });
    assert.equal(results.get('lorenz')!.status, 'skipped');
  });

  it('reports a wrong column in a mapping', async () => {
    const cells = cdnowCells(CDNOW_SOURCE.replace('amount   = sales', 'amount   = salez'));
    const results = await createKernel({ notebookDir: cdnowDir }).run(cells, { cellIds: ['source'] });
    assert.equal(results.get('source')!.status, 'error');
    assert.match(results.get('source')!.error!.message, /salez/);
  });

  it('reports malformed dates with the reason and the first lines', async () => {
    const cells = cdnowCells(CDNOW_SOURCE.replace('as YYYYMMDD', 'as "DD/MM/YYYY"'));
    const results = await createKernel({ notebookDir: cdnowDir }).run(cells, { cellIds: ['split'] });
    const source = results.get('source')!;
    assert.equal(source.status, 'error');
    assert.match(source.error!.message, /No usable rows in the data file/);
    assert.match(
      source.error!.message,
      /6,919 × malformed date in date \(expected DD\/MM\/YYYY\) \(lines 1, 2, 3, 4, 5, …\)/,
    );
    assert.equal(results.get('split')!.status, 'skipped');
  });

  it('says why a model cannot be fitted when no customer repeats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clv-kernel-'));
    try {
      writeFileSync(
        join(dir, 'once.csv'),
        'id,day\n' +
          Array.from({ length: 50 }, (_, i) => `c${i},2020-01-${String((i % 28) + 1).padStart(2, '0')}`).join('\n') +
          '\n',
      );
      const cells = [
        {
          id: 's',
          text: 'source once = csv "once.csv" {\n  customer = id\n  date     = day\n}\nsplit cal = once until 2020-03-31',
        },
        { id: 'm', text: 'model purchases = bgnbd(cal)' },
      ];
      const results = await createKernel({ notebookDir: dir }).run(cells);
      const m = results.get('m')!;
      assert.equal(m.status, 'error');
      assert.match(
        m.error!.message,
        /^1:19 {2}The BG\/NBD model could not be fitted: no customer made a repeat purchase in calibration/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
