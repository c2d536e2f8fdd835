import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { parquetReadObjects } from 'hyparquet';
import { ExportPathError, resolveExportPath, writeTableAtomic } from '../../server/src/kernel/export';

describe('kernel exports', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clv-export-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves relative paths inside the notebook folder', () => {
    assert.equal(resolveExportPath(dir, 'out/tiers.csv'), join(dir, 'out', 'tiers.csv'));
  });

  it('refuses a relative path that escapes with ..', () => {
    assert.throws(
      () => resolveExportPath(dir, '../elsewhere.csv'),
      (e: Error) => e instanceof ExportPathError && /leaves the notebook's folder/.test(e.message),
    );
    assert.throws(() => resolveExportPath(dir, 'out/../../x.csv'), ExportPathError);
  });

  it('refuses a file name without a known format', () => {
    assert.throws(() => resolveExportPath(dir, 'out/tiers.xlsx'), /must end in \.csv, \.tsv, \.json, \.parquet/);
  });

  it('writes TSV, JSON and Parquet with formatted values', async () => {
    const t = aq.table({ customer: ['a', 'b'], first: Float64Array.from([0, 10]), clv: Float64Array.from([1.5, NaN]) });
    const format = { first: (v: unknown) => `day ${v}`, clv: (v: unknown) => (Number.isNaN(v) ? '' : v) };
    writeTableAtomic(t, join(dir, 'x.tsv'), format);
    assert.equal(readFileSync(join(dir, 'x.tsv'), 'utf8'), 'customer\tfirst\tclv\na\tday 0\t1.5\nb\tday 10\t\n');
    writeTableAtomic(t, join(dir, 'x.json'), format);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')), [
      { customer: 'a', first: 'day 0', clv: 1.5 },
      { customer: 'b', first: 'day 10', clv: null },
    ]);
    writeTableAtomic(t, join(dir, 'x.parquet'), format);
    const buffer = readFileSync(join(dir, 'x.parquet'));
    const rows = await parquetReadObjects({
      file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
    });
    assert.deepEqual(rows, [
      { customer: 'a', first: 'day 0', clv: 1.5 },
      { customer: 'b', first: 'day 10', clv: null },
    ]);
  });

  it('accepts an absolute path as the user chose it', () => {
    assert.equal(resolveExportPath(dir, '/tmp/x.csv'), '/tmp/x.csv');
  });

  it('writes CSV in chunks, atomically, leaving no temp file', () => {
    const n = 120_001; // spans three 50,000-row chunks
    const t = aq.table({
      customer: Array.from({ length: n }, (_, i) => `c${i}`),
      clv: Float64Array.from({ length: n }, (_, i) => i / 2),
    });
    const path = join(dir, 'sub', 'out.csv');
    assert.equal(writeTableAtomic(t, path), n);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, n + 1);
    assert.equal(lines[0], 'customer,clv');
    assert.equal(lines[50_001], 'c50000,25000');
    assert.equal(lines[n], `c${n - 1},${(n - 1) / 2}`);
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['out.csv']);
  });

  it('writes a header for an empty table', () => {
    const path = join(dir, 'empty.csv');
    assert.equal(writeTableAtomic(aq.table({ customer: [], clv: new Float64Array(0) }), path), 0);
    assert.equal(readFileSync(path, 'utf8'), 'customer,clv\n');
  });
});
