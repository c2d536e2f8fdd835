// Reading a data file's header and first values (for `clvnb new` and `clvnb check`):
// quoted CSV fields, other delimiters, JSON arrays and JSON lines, a byte-order mark.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readColumns, splitLine } from '../../server/src/cli/new/data-columns';

describe('data file columns', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'clv-columns-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('splits quoted fields with embedded delimiters and quotes', () => {
    assert.deepEqual(splitLine('"a, b","say ""hi""",c', ','), ['a, b', 'say "hi"', 'c']);
    assert.deepEqual(splitLine('  1   2\t3 ', 'whitespace'), ['1', '2', '3']);
  });

  it('reads a CSV header (with BOM and CRLF) and the first values of a column', async () => {
    const data = await readColumns(file('a.csv', '\uFEFF"Customer ID",date\r\nx,2024-01-02\r\ny,2024-01-03\r\n'), 'csv');
    assert.deepEqual(data.columns, ['Customer ID', 'date']);
    assert.deepEqual(data.sample('date'), ['2024-01-02', '2024-01-03']);
  });

  it('uses the source delimiter and the TSV default', async () => {
    assert.deepEqual((await readColumns(file('b.csv', 'a;b\n1;2\n'), 'csv', ';')).columns, ['a', 'b']);
    assert.deepEqual((await readColumns(file('c.tsv', 'a b\tc\n'), 'tsv')).columns, ['a b', 'c']);
  });

  it('reads JSON arrays and JSON lines', async () => {
    const array = await readColumns(file('d.json', '[{"id": "1", "when": "2024-01-02"}, {"id": "2", "when": "2024-02-03"}]'), 'json');
    assert.deepEqual(array.columns, ['id', 'when']);
    assert.deepEqual(array.sample('when'), ['2024-01-02', '2024-02-03']);
    assert.deepEqual((await readColumns(file('e.jsonl', '{"a":1}\n{"a":2}\n'), 'json')).sample('a'), ['1', '2']);
  });

  it('says what is wrong with an empty or missing file', async () => {
    await assert.rejects(readColumns(file('f.csv', ''), 'csv'), /the file is empty or has no header line/);
    await assert.rejects(readColumns(join(dir, 'none.csv'), 'csv'), /cannot read: no such file/);
  });
});
