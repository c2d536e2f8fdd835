import assert from 'node:assert/strict';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { parquetReadObjects } from 'hyparquet';
import { writeTableAtomic } from '../../server/src/kernel/export';
import { exportPath, refuseReadFiles, WriteRefused } from '../../server/src/files/write-policy';

describe('kernel exports', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clv-export-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves relative paths inside the notebook folder', () => {
    assert.equal(exportPath(dir, 'out/tiers.csv'), join(dir, 'out', 'tiers.csv'));
  });

  it('refuses a relative path that escapes with ..', () => {
    assert.throws(
      () => exportPath(dir, '../elsewhere.csv'),
      (e: Error) => e instanceof WriteRefused && /leaves the notebook's folder/.test(e.message),
    );
    assert.throws(() => exportPath(dir, 'out/../../x.csv'), WriteRefused);
  });

  it('refuses a file name without a known format', () => {
    assert.throws(() => exportPath(dir, 'out/tiers.xlsx'), /must end in \.csv, \.tsv, \.json, \.parquet/);
  });

  it('writes TSV, JSON and Parquet with formatted values', async () => {
    const t = aq.table({ customer: ['a', 'b'], first: Float64Array.from([0, 10]), clv: Float64Array.from([1.5, NaN]) });
    const format = { first: (v: unknown) => `day ${v}`, clv: (v: unknown) => (Number.isNaN(v) ? '' : v) };
    writeTableAtomic(t, join(dir, 'x.tsv'), format, true);
    assert.equal(readFileSync(join(dir, 'x.tsv'), 'utf8'), 'customer\tfirst\tclv\na\tday 0\t1.5\nb\tday 10\t\n');
    writeTableAtomic(t, join(dir, 'x.json'), format, true);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')), [
      { customer: 'a', first: 'day 0', clv: 1.5 },
      { customer: 'b', first: 'day 10', clv: null },
    ]);
    writeTableAtomic(t, join(dir, 'x.parquet'), format, true);
    const buffer = readFileSync(join(dir, 'x.parquet'));
    const rows = await parquetReadObjects({
      file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
    });
    assert.deepEqual(rows, [
      { customer: 'a', first: 'day 0', clv: 1.5 },
      { customer: 'b', first: 'day 10', clv: null },
    ]);
  });

  it('refuses an absolute path, and accepts a folder whose name only starts with two dots', () => {
    assert.throws(() => exportPath(dir, '/tmp/x.csv'), /is absolute; an export writes inside the notebook's folder/);
    assert.throws(() => exportPath(dir, 'C:\\Users\\x.csv'), /is absolute/);
    assert.equal(exportPath(dir, './..x/ok.csv'), join(dir, '..x', 'ok.csv'));
  });

  it('refuses a path that leaves the folder through a symbolic link', () => {
    const outside = mkdtempSync(join(tmpdir(), 'clv-outside-'));
    try {
      symlinkSync(outside, join(dir, 'out'));
      assert.throws(
        () => exportPath(dir, 'out/tiers.csv'),
        /leads out of the notebook's folder through a symbolic link/,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses to write onto a file the notebook reads, however it is named', () => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'orders.csv'), 'customer,date\n');
    symlinkSync(join(dir, 'data', 'orders.csv'), join(dir, 'alias.csv'));
    const reads = [{ path: join(dir, 'data', 'orders.csv'), what: 'the data file of source `orders`' }];
    for (const target of ['data/orders.csv', './data/../data/orders.csv', 'alias.csv'])
      assert.throws(
        () => refuseReadFiles(exportPath(dir, target), reads, target),
        new RegExp(`Refusing to write "${target.replace(/\./g, '\\.')}": it is the data file of source \`orders\``),
      );
    refuseReadFiles(exportPath(dir, 'data/tiers.csv'), reads);
  });

  it('neutralises text cells a spreadsheet would run as formulas, in CSV and TSV only', () => {
    const hostile = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(A1)', '-1+1', '\t=1', '\r=1', 'plain'];
    const t = aq.table({
      customer: hostile,
      segment: hostile.map((h) => `${h}`),
      clv: Float64Array.from(hostile, () => -1),
    });
    writeTableAtomic(t, join(dir, 'x.csv'), {}, true);
    const rows = readFileSync(join(dir, 'x.csv'), 'utf8').split('\n');
    assert.equal(rows[1], `"'=HYPERLINK(""http://x"",""y"")","'=HYPERLINK(""http://x"",""y"")",-1`);
    assert.equal(rows[2], `'+cmd|' /C calc'!A0,'+cmd|' /C calc'!A0,-1`);
    assert.equal(rows[3], `'@SUM(A1),'@SUM(A1),-1`);
    assert.equal(rows[4], `'-1+1,'-1+1,-1`);
    assert.equal(rows[7], 'plain,plain,-1');
    writeTableAtomic(t, join(dir, 'x.tsv'), {}, true);
    assert.equal(readFileSync(join(dir, 'x.tsv'), 'utf8').split('\n')[3], `'@SUM(A1)\t'@SUM(A1)\t-1`);
    writeTableAtomic(t, join(dir, 'x.json'), {}, true);
    assert.deepEqual(
      JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).map((r: { customer: string }) => r.customer),
      hostile,
      'JSON keeps values exactly, for programs',
    );
  });

  it('writes text exactly when the guard is off (spreadsheet_safe false, for programs)', () => {
    const t = aq.table({ customer: ['=1+1', '-7', 'plain'], clv: Float64Array.from([-1, 2, 3]) });
    writeTableAtomic(t, join(dir, 'raw.csv'), {}, false);
    assert.equal(readFileSync(join(dir, 'raw.csv'), 'utf8'), 'customer,clv\n=1+1,-1\n-7,2\nplain,3\n');
  });

  it("keeps a re-written export's permissions and writes through a symlink", () => {
    const t = aq.table({ customer: ['a'], clv: Float64Array.from([1]) });
    const path = join(dir, 'private.csv');
    writeTableAtomic(t, path, {}, true);
    chmodSync(path, 0o600);
    writeTableAtomic(t, path, {}, true);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    symlinkSync(path, join(dir, 'link.csv'));
    writeTableAtomic(aq.table({ customer: ['b'], clv: Float64Array.from([2]) }), join(dir, 'link.csv'), {}, true);
    assert.ok(lstatSync(join(dir, 'link.csv')).isSymbolicLink());
    assert.equal(readFileSync(path, 'utf8'), 'customer,clv\nb,2\n');
  });

  it('removes temporary files a killed writer left for the same target, and only those', () => {
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const stale = `.tiers.csv.${dead}.1700000000000.tmp`;
    const other = `.other.csv.${dead}.1700000000000.tmp`;
    const live = `.tiers.csv.${process.pid}.1700000000000.tmp`;
    for (const name of [stale, other, live]) writeFileSync(join(dir, name), 'half');
    writeTableAtomic(aq.table({ customer: ['a'] }), join(dir, 'tiers.csv'), {}, true);
    assert.deepEqual(readdirSync(dir).sort(), [other, live, 'tiers.csv'].sort());
  });

  it('writes CSV in chunks, atomically, leaving no temp file', () => {
    const n = 120_001; // spans three 50,000-row chunks
    const t = aq.table({
      customer: Array.from({ length: n }, (_, i) => `c${i}`),
      clv: Float64Array.from({ length: n }, (_, i) => i / 2),
    });
    const path = join(dir, 'sub', 'out.csv');
    assert.equal(writeTableAtomic(t, path, {}, true), n);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, n + 1);
    assert.equal(lines[0], 'customer,clv');
    assert.equal(lines[50_001], 'c50000,25000');
    assert.equal(lines[n], `c${n - 1},${(n - 1) / 2}`);
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['out.csv']);
  });

  it('writes a header for an empty table', () => {
    const path = join(dir, 'empty.csv');
    assert.equal(writeTableAtomic(aq.table({ customer: [], clv: new Float64Array(0) }), path, {}, true), 0);
    assert.equal(readFileSync(path, 'utf8'), 'customer,clv\n');
  });
});
