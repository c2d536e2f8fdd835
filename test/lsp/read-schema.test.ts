// The server's data-file sampler: header, sample values and inferred types for each format.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSchema, type FileSchema } from '../../server/src/lsp/schema/read-schema';

const summary = (schema: FileSchema) => (schema.kind === 'columns' ? schema.columns.map((c) => `${c.name}:${c.type ?? '?'}=${c.samples.join('|')}`) : schema);

describe('LSP data-file schema reader', () => {
  let folder: string;
  const file = (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  };
  before(() => (folder = mkdtempSync(join(tmpdir(), 'clv-schema-'))));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reads quoted CSV fields holding the delimiter and escaped quotes', () => {
    const path = file('q.csv', '\uFEFFid;"first;name";when;ok\n1;"x;""y""";2024-01-05;true\n2;plain;2024-02-01;FALSE\n');
    assert.deepEqual(summary(readSchema({ path, format: 'csv', delimiter: ';', header: true })), ['id:number=1|2', 'first;name:string=x;"y"|plain', 'when:date=2024-01-05|2024-02-01', 'ok:boolean=true|FALSE']);
  });

  it('reads whitespace text without a header using the `columns` names', () => {
    const path = file('cdnow.txt', '00001 19970101 1 11.77\n00002   19970112 2 29.33\n');
    assert.deepEqual(summary(readSchema({ path, format: 'text', header: false, columns: ['id', 'date', 'cds', 'sales'] })), ['id:number=00001|00002', 'date:number=19970101|19970112', 'cds:number=1|2', 'sales:number=11.77|29.33']);
  });

  it('reads tab-separated values by default for tsv', () => {
    const path = file('t.tsv', 'a b\tc\nx y\t3\n');
    assert.deepEqual(summary(readSchema({ path, format: 'tsv', header: true })), ['a b:string=x y', 'c:number=3']);
  });

  it('reads JSON arrays (even cut short) and JSON lines', () => {
    const array = file('a.json', '[{"id":"a","n":1,"tags":{"x":1}},{"id":"b","n":2.5,"tags":null},{"id":"c","n"');
    assert.deepEqual(summary(readSchema({ path: array, format: 'json', header: true })), ['id:string=a|b', 'n:number=1|2.5', 'tags:string={"x":1}|']);
    const lines = file('l.json', '{"id":"a","n":1}\n{"id":"b","n":2}\n');
    assert.deepEqual(summary(readSchema({ path: lines, format: 'json', header: true })), ['id:string=a|b', 'n:number=1|2']);
  });

  it('only checks that parquet and arrow files exist, and says why a file cannot be read', () => {
    assert.deepEqual(readSchema({ path: file('p.parquet', 'PAR1'), format: 'parquet', header: true }), { kind: 'opaque' });
    assert.deepEqual(readSchema({ path: join(folder, 'none.csv'), format: 'csv', header: true }), { kind: 'unreadable', reason: 'no such file' });
    assert.deepEqual(readSchema({ path: folder, format: 'csv', header: true }), { kind: 'unreadable', reason: 'it is a folder' });
  });
});
