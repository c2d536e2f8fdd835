// Gzip data files are read transparently, streaming: a .csv.gz or .jsonl.gz loads to exactly
// what its plain file loads to (over several chunks), and the schema sampler (the editor's
// columns, `clvnb columns`, `check`) sees the same columns and samples.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadSource, readSchema, readSchemaSync, type SourceSpec } from '../../server/src/data';
import { readSchema as editorSchema } from '../../server/src/lsp/schema/read-schema';
import { fixtures } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'clv-gzip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const spec = (path: string, format = 'csv'): SourceSpec => ({
  path,
  format,
  kind: 'transactions',
  mappings: [
    { role: 'customer', columns: ['customer'] },
    { role: 'date', columns: ['date'] },
    { role: 'amount', columns: ['amount'] },
  ],
});

function pair(name: string, text: string | Buffer): [string, string] {
  const plain = join(dir, name);
  writeFileSync(plain, text);
  writeFileSync(`${plain}.gz`, gzipSync(text));
  return [plain, `${plain}.gz`];
}

async function sameLoad(plain: string, gz: string, format = 'csv') {
  const [a, b] = [await loadSource(spec(plain, format)), await loadSource(spec(gz, format))];
  assert.ok(a.kind === 'transactions' && b.kind === 'transactions');
  const strip = (l: typeof a) => ({ ...l.report, file: '', elapsedMs: 0 });
  assert.deepEqual(strip(b), strip(a));
  assert.deepEqual(b.log, a.log);
  return b;
}

describe('data: gzip files', () => {
  it('a .csv.gz of 6 MB loads exactly like the .csv (several 2 MiB chunks, junk rows included)', async () => {
    const rows = ['customer,date,amount'];
    for (let i = 0; i < 200_000; i++)
      rows.push(`C${i % 9_973},2020-${String((i % 12) + 1).padStart(2, '0')}-15,${i % 500}.25`);
    rows.push('bad,2020-13-01,1', '"open,2020-01-01,1', 'Z,2020-01-01,0x10');
    const [plain, gz] = pair('big.csv', `${rows.join('\n')}\n`);
    const loaded = await sameLoad(plain, gz);
    assert.equal(loaded.report.rowsRead, 200_003);
    assert.equal(loaded.report.rejected.length, 3);
  });

  it('the junk fixture, a JSON lines file and a JSON array read the same through gzip', async () => {
    await sameLoad(...pair('junk.csv', readFileSync(join(fixtures, 'junk.csv'))));
    const lines = readFileSync(join(fixtures, 'orders.jsonl'));
    const [plain, gz] = pair('orders.jsonl', lines);
    const a = await loadSource({
      ...spec(plain, 'json'),
      mappings: [
        { role: 'customer', columns: ['customer'] },
        { role: 'date', columns: ['date'] },
      ],
    });
    const b = await loadSource({
      ...spec(gz, 'json'),
      mappings: [
        { role: 'customer', columns: ['customer'] },
        { role: 'date', columns: ['date'] },
      ],
    });
    assert.deepEqual(b.kind === 'transactions' && b.log, a.kind === 'transactions' && a.log);
    const array = pair('orders.json', readFileSync(join(fixtures, 'orders.json')));
    assert.deepEqual(
      await readSchema(array[1], { format: 'json' }).then((s) => s.columns),
      await readSchema(array[0], { format: 'json' }).then((s) => s.columns),
    );
  });

  it('schemas (editor, `clvnb columns`, `check`) read the same columns and samples, not binary junk', async () => {
    const [plain, gz] = pair('orders.csv', readFileSync(join(fixtures, 'orders.csv')));
    const want = readSchemaSync(plain, { format: 'csv' }).columns;
    assert.deepEqual(readSchemaSync(gz, { format: 'csv' }).columns, want);
    assert.deepEqual((await readSchema(gz, { format: 'csv' })).columns, want);
    const editor = editorSchema({ path: gz, format: 'csv', header: true });
    assert.equal(editor.kind, 'columns');
    assert.deepEqual(
      editor.kind === 'columns' && editor.columns.map((c) => c.name),
      want.map((c) => c.name),
    );
  });

  it('a file that is not gzip after its magic bytes, or is cut short, is a clear error', async () => {
    const broken = join(dir, 'broken.csv.gz');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not really gzip at all')]));
    assert.throws(() => readSchemaSync(broken, { format: 'csv' }), /Cannot decompress ".*broken\.csv\.gz" \(gzip\)/);
    await assert.rejects(loadSource(spec(broken)), /Cannot decompress ".*broken\.csv\.gz" \(gzip\)/);
    const whole = gzipSync('customer,date,amount\n' + 'A,2020-01-01,1\n'.repeat(50_000));
    const cut = join(dir, 'cut.csv.gz');
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    await assert.rejects(loadSource(spec(cut)), /Cannot decompress ".*cut\.csv\.gz" \(gzip\): unexpected end of file/);
  });
});
