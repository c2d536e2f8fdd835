// The editor's data-file schema: the data layer's sampler asked synchronously, for every
// format the kernel reads (Parquet and Arrow files are written here by well-kept writers).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describeColumnType, type FileSchema } from '../../server/src/lsp/schema/columns';
import { readSchema } from '../../server/src/lsp/schema/read-schema';

const summary = (schema: FileSchema) =>
  schema.kind === 'columns'
    ? schema.columns.map((c) => `${c.name}:${describeColumnType(c)}=${c.samples.join('|')}`)
    : schema;

describe('LSP data-file schema reader', () => {
  let folder: string;
  const file = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(folder, name), content);
    return join(folder, name);
  };
  before(() => (folder = mkdtempSync(join(tmpdir(), 'clv-schema-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reads quoted CSV fields holding the delimiter and escaped quotes', () => {
    const path = file(
      'q.csv',
      '\uFEFFid;"first;name";when;ok\n1;"x;""y""";2024-01-05;true\n2;plain;2024-02-01;FALSE\n',
    );
    assert.deepEqual(summary(readSchema({ path, format: 'csv', delimiter: ';', header: true })), [
      'id:integer=1|2',
      'first;name:string=x;"y"|plain',
      'when:date (ISO)=2024-01-05|2024-02-01',
      'ok:string=true|FALSE',
    ]);
  });

  it('reads whitespace text without a header using the `columns` names, and knows YYYYMMDD dates', () => {
    const path = file('cdnow.txt', '00001 19970101 1 11.77\n00002   19970112 2 29.33\n');
    const schema = readSchema({ path, format: 'text', header: false, columns: ['id', 'date', 'cds', 'sales'] });
    assert.deepEqual(summary(schema), [
      'id:integer=00001|00002',
      'date:date (YYYYMMDD)=19970101|19970112',
      'cds:integer=1|2',
      'sales:number=11.77|29.33',
    ]);
    // The checker's coarser types.
    assert.deepEqual(schema.kind === 'columns' && schema.columns.map((c) => c.type), [
      'number',
      'date',
      'number',
      'number',
    ]);
  });

  it('reads tab-separated values by default for tsv', () => {
    const path = file('t.tsv', 'a b\tc\nx y\t3\n');
    assert.deepEqual(summary(readSchema({ path, format: 'tsv', header: true })), ['a b:string=x y', 'c:integer=3']);
  });

  it('reads JSON arrays (even cut short) and JSON lines', () => {
    const array = file(
      'a.json',
      `[${Array.from({ length: 5000 }, (_, i) => `{"id":"c${i}","n":${i % 2 ? 1 : 2.5}}`).join(',')}]`,
    );
    const cut = summary(readSchema({ path: array, format: 'json', header: true }));
    assert.deepEqual(Array.isArray(cut) && cut.map((c) => c.split('=')[0]), ['id:string', 'n:number']);
    const lines = file('l.json', '{"id":"a","n":1}\n{"id":"b","n":2}\n');
    assert.deepEqual(summary(readSchema({ path: lines, format: 'json', header: true })), [
      'id:string=a|b',
      'n:integer=1|2',
    ]);
  });

  it('reads the columns of Parquet (from the footer) and Arrow files', () => {
    const parquet = file(
      'p.parquet',
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'customer', data: ['a', 'b'], type: 'STRING' },
            { name: 'amount', data: [1.5, 2], type: 'DOUBLE' },
          ],
        }),
      ),
    );
    assert.deepEqual(summary(readSchema({ path: parquet, format: 'parquet', header: true })), [
      'customer:string=',
      'amount:number=',
    ]);
    const arrow = file(
      'a.arrow',
      tableToIPC(
        tableFromArrays({
          customer: ['x', 'y'],
          date: [new Date(Date.UTC(2020, 0, 5)), new Date(Date.UTC(2020, 0, 6))],
        }),
        { format: 'file' },
      )!,
    );
    const schema = readSchema({ path: arrow, format: 'arrow', header: true });
    assert.deepEqual(schema.kind === 'columns' && schema.columns.map((c) => [c.name, c.type]), [
      ['customer', 'string'],
      ['date', 'date'],
    ]);
  });

  it('says why a file cannot be read', () => {
    assert.deepEqual(readSchema({ path: join(folder, 'none.csv'), format: 'csv', header: true }), {
      kind: 'unreadable',
      reason: 'no such file',
    });
    assert.deepEqual(readSchema({ path: folder, format: 'csv', header: true }), {
      kind: 'unreadable',
      reason: 'it is a folder, not a regular file; point the source at a data file',
    });
    // A file that opens but does not decode: the reader's own words.
    const broken = readSchema({ path: file('broken.parquet', 'PAR1 not really'), format: 'parquet', header: true });
    assert.deepEqual(broken, { kind: 'unreadable', reason: 'parquet file invalid (footer != PAR1)' });
  });
});
