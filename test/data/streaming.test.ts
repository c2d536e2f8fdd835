// Files larger than one read chunk (2 MiB): records and quoted newlines that straddle chunk
// boundaries, line numbers counted across them, progress in bytes, and interruption; the
// same for JSON lines.
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
    mappings: [
      { role: 'customer', columns: ['customer'] },
      { role: 'date', columns: ['date'] },
      { role: 'amount', columns: ['amount'] },
    ],
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
    assert.deepEqual(
      s.report.rejected.map((g) => g.lines),
      [[bad + 2 + Math.ceil(bad / 1000)]],
    );
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

  describe('JSON lines', () => {
    let jsonl: string;
    before(() => {
      jsonl = join(dir, 'big.jsonl');
      // CRLF lines after a BOM, one blank line, and a line that does not parse near the end.
      const lines = Array.from({ length: ROWS }, (_, i) =>
        i === ROWS - 10
          ? '{"customer": "c1", "date": '
          : JSON.stringify({
              customer: `c${i % 5000}`,
              date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
              amount: i % 100,
            }),
      );
      lines.splice(1, 0, '');
      writeFileSync(jsonl, '\uFEFF' + lines.join('\r\n') + '\r\n');
    });
    const jsonSpec = (over: Partial<SourceSpec> = {}): SourceSpec => ({
      ...spec(),
      path: jsonl,
      format: 'json',
      filterColumns: [],
      ...over,
    });

    it('streams records across chunk boundaries, rejecting the line that does not parse by its number', async () => {
      const progress: number[] = [];
      const s = transactions(
        await loadSource(jsonSpec(), { onProgress: (_f, _m, bytesRead) => progress.push(bytesRead) }),
      );
      assert.equal(s.report.rowsRead, ROWS);
      assert.equal(s.log.rows, ROWS - 1);
      assert.equal(s.log.customerIds.length, 5000);
      // Record i sits on line i + 2 (the blank second line) from the second record on.
      assert.deepEqual(s.report.rejected, [
        {
          reason: 'not valid JSON',
          count: 1,
          lines: [ROWS - 10 + 2],
          examples: [{ line: ROWS - 10 + 2, text: '{"customer": "c1", "date":' }],
        },
      ]);
      assert.ok(progress.length > 2, 'progress after every chunk');
      assert.equal(progress.at(-1), statSync(jsonl).size);
    });

    it('names the keys it found when a mapped one is missing, and stops on an interrupt', async () => {
      await assert.rejects(
        loadSource(
          jsonSpec({
            mappings: [
              { role: 'customer', columns: ['client'] },
              { role: 'date', columns: ['date'] },
            ],
          }),
        ),
        /The column "client" is not in the file; its columns are: customer, date, amount\./,
      );
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 5);
      await assert.rejects(loadSource(jsonSpec(), { signal: controller.signal }), /Reading was interrupted\./);
    });
  });
});
