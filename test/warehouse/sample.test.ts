// samples/warehouse: the CDNOW analysis read from a DuckDB database built by the sample's own
// script gives what samples/cdnow gives from the text file — the same source counts and
// customer summary, parameters to 1e-9 relative, the same segment sizes and the same
// exported rows (to one unit of the written precision: the engine adds spend in its own order).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, clvnb, repoRoot } from '../cli/harness';
import { buildCdnowDatabase } from '../../samples/warehouse/build-database';

const MODEL = 'application/vnd.clv.model+json';
const SEGMENTS = 'application/vnd.clv.segments+json';

interface Run {
  outputs: any[];
  text: string[];
  exported: string[];
}

async function runIn(dir: string, notebook: string, exportPath: string): Promise<Run> {
  const run = await clvnb(['run', notebook, '--json', 'results.json'], dir);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  const outputs = results.cells.flatMap((c: any) => c.outputs);
  return {
    outputs,
    text: outputs.map((o: any) => o.data['text/plain']).filter(Boolean),
    exported: readFileSync(join(dir, exportPath), 'utf8').trim().split('\n'),
  };
}

function close(a: number, b: number, relative: number): boolean {
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

/** Exported CSV rows sorted by customer; numbers compared to 1e-9 relative. */
function assertSameRows(actual: string[], expected: string[]): void {
  assert.equal(actual[0], expected[0], 'header');
  const sorted = (rows: string[]) => rows.slice(1).sort();
  const [a, e] = [sorted(actual), sorted(expected)];
  assert.equal(a.length, e.length, 'rows');
  for (let i = 0; i < e.length; i++) {
    const [x, y] = [a[i].split(','), e[i].split(',')];
    y.forEach((v, k) => {
      // Exports round money to cents: a sum that differs in its last bit (engines add in their
      // own order) can round a half-cent the other way, so one unit of the written precision is allowed.
      const unit = 10 ** -(v.split('.')[1] ?? '').length;
      const same = v === x[k] || (v !== '' && Math.abs(Number(x[k]) - Number(v)) <= unit * 1.000001);
      assert.ok(same, `row ${e[i]}: column ${actual[0].split(',')[k]} is ${x[k]}`);
    });
  }
}

describe('samples/warehouse: CDNOW from DuckDB equals CDNOW from the file', function () {
  this.timeout(300_000);
  let fileRun: Run;
  let warehouseRun: Run;
  const dirs: string[] = [];

  before(async () => {
    buildOnce();
    const fileDir = mkdtempSync(join(tmpdir(), 'clv-cdnow-'));
    const warehouseDir = mkdtempSync(join(tmpdir(), 'clv-warehouse-'));
    dirs.push(fileDir, warehouseDir);
    cpSync(join(repoRoot, 'samples', 'cdnow'), fileDir, { recursive: true });
    cpSync(join(repoRoot, 'samples', 'warehouse', 'warehouse.clvnb'), join(warehouseDir, 'warehouse.clvnb'));
    await buildCdnowDatabase(join(warehouseDir, 'cdnow.duckdb'));
    fileRun = await runIn(fileDir, 'cdnow.clvnb', 'out/cdnow-tiers.csv');
    warehouseRun = await runIn(warehouseDir, 'warehouse.clvnb', 'out/warehouse-tiers.csv');
  });
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads the same rows and customers, and splits them alike', () => {
    const line = (run: Run, prefix: string) => run.text.find((t) => t.startsWith(prefix))!.split('\n');
    assert.equal(line(warehouseRun, 'orders:')[1], line(fileRun, 'orders:')[1]);
    assert.match(
      line(warehouseRun, 'orders:')[0],
      /^orders: 6,919 rows read from table "orders" from shop, 0 rejected\.$/,
    );
    // The periods and every customer accounted for; the file summary's notes on rows (zero
    // amounts, exact duplicates) are not counted by the engine's summary yet.
    const accounting = (run: Run) => line(run, 'calibration:').slice(0, 2);
    assert.deepEqual(accounting(warehouseRun), accounting(fileRun));
    assert.match(accounting(fileRun)[1], /^2,357 customers read: 2,357 in calibration, 0 excluded\.$/);
  });

  it('fits the same parameters (1e-9 relative) with the same log-likelihoods', () => {
    const models = (run: Run) => run.outputs.map((o) => o.data[MODEL]).filter(Boolean);
    const [w, f] = [models(warehouseRun), models(fileRun)];
    assert.ok(w.length >= 3, `${w.length} models`);
    assert.equal(w.length, f.length);
    w.forEach((model: any, i: number) => {
      assert.equal(model.name, f[i].name);
      model.parameters.forEach((p: any, k: number) =>
        assert.ok(
          close(p.estimate, f[i].parameters[k].estimate, 1e-9),
          `${model.name}.${p.name}: ${p.estimate} vs ${f[i].parameters[k].estimate}`,
        ),
      );
    });
  });

  it('puts the same number of customers in every segment', () => {
    const sizes = (run: Run) =>
      run.outputs
        .map((o) => o.data[SEGMENTS])
        .filter(Boolean)
        .map((s: any) => s.segments.map((g: any) => `${g.name}: ${g.customers}`));
    assert.deepEqual(sizes(warehouseRun), sizes(fileRun));
    assert.ok(sizes(fileRun)[0].length >= 4);
  });

  it('exports the same rows', () => assertSameRows(warehouseRun.exported, fileRun.exported));
});
