// Files larger than one read chunk (2 MiB): records and quoted newlines that straddle chunk
// boundaries, line numbers counted across them, progress in bytes, and interruption.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSource, type SourceSpec } from '../../server/src/data';
import { transactions } from './helpers';

const ROWS = 200_000;

describe('data: streaming large files', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'clv-data-stream-'));
    file = join(dir, 'big.csv');
    // Every 1000th row carries a quoted note with a newline and a comma; one bad date near the end.
    const lines = ['customer,date,amount,note'];
    for (let i = 0; i < ROWS; i++) {
      const date = i === ROWS - 10 ? '2020-02-31' : `2020-01-${String((i % 28) + 1).padStart(2, '0')}`;
      lines.push(`c${i % 5000},${date},${i % 100}.25,${i % 1000 === 0 ? '"two\nlines, here"' : 'plain'}`);
    }
    writeFileSync(file, lines.join('\r\n') + '\r\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const spec = (): SourceSpec => ({
    path: file,
    format: 'csv',
    kind: 'transactions',
    mappings: [{ role: 'customer', columns: ['customer'] }, { role: 'date', columns: ['date'] }, { role: 'amount', columns: ['amount'] }],
    filterColumns: [{ name: 'note', kind: 'text' }],
  });

  it('reads records across chunk boundaries and counts physical lines through quoted newlines', async () => {
    const progress: number[] = [];
    const s = transactions(await loadSource(spec(), { onProgress: (_f, _m, bytesRead) => progress.push(bytesRead) }));
    assert.equal(s.report.rowsRead, ROWS);
    assert.equal(s.log.rows, ROWS - 1);
    assert.equal(s.log.customerIds.length, 5000);
    // Row i sits on line i + 2 plus one extra line per quoted note before it (rows 0, 1000, ...).
    const bad = ROWS - 10;
    assert.deepEqual(s.report.rejected.map((g) => g.lines), [[bad + 2 + Math.ceil(bad / 1000)]]);
    const notes = s.extra.get('note');
    assert.equal(notes?.kind === 'text' && notes.values.filter((v) => v === 'two\nlines, here').length, ROWS / 1000);
    assert.ok(progress.length > 2, 'progress after every chunk');
    assert.equal(progress.at(-1), statSync(file).size);
  });

  it('stops within a chunk when the signal fires mid-load', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(loadSource(spec(), { signal: controller.signal }), /Reading was interrupted\./);
    assert.ok(performance.now() - started < 1000);
  });
});
