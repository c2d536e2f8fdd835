// Every row read lands in exactly one bucket — kept, rejected (with a reason) or filtered —
// whatever is done to the file: quotes dropped in anywhere, delimiters added or removed, line
// ends changed, the file cut off mid-row. And one stray quote costs one row, never the rest
// of the file. Generated inputs per CI run: 300 mutated files through the loader, 300 files
// with one stray quote, 300 scans cut into two chunks (see numRuns below).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadSource, type LoadedSource, type SourceSpec } from '../../server/src/data';
import { DelimitedScanner, UNTERMINATED } from '../../server/src/data/csv-scanner';
import { notCustomer } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'clv-rows-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function load(text: string | Buffer, over: Partial<SourceSpec> = {}): Promise<LoadedSource> {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  return loadSource({
    path,
    format: 'csv',
    kind: 'transactions',
    mappings: [
      { role: 'customer', columns: ['customer'] },
      { role: 'date', columns: ['date'] },
      { role: 'amount', columns: ['amount'] },
    ],
    ...over,
  });
}

const rejectedRows = (l: LoadedSource) => l.report.rejected.reduce((s, g) => s + g.count, 0);

/** rows read = kept + rejected + filtered, and no line is reported under two reasons. */
function assertAccounted(l: LoadedSource): void {
  const r = l.report;
  assert.equal(r.rowsRead, r.rows + rejectedRows(l) + r.filtered, JSON.stringify(r.rejected));
  const lines = r.rejected.flatMap((g) => g.lines);
  assert.equal(new Set(lines).size, lines.length, `a line rejected twice: ${JSON.stringify(r.rejected)}`);
}

const row = fc.tuple(
  fc.constantFrom('A', 'B', 'c d', 'Émile', '7'),
  fc.constantFrom('2020-01-05', '2021-12-31', '2020-02-30', '1/2/2020', ''),
  fc.constantFrom('10', '-3.5', '0', 'abc', '1e3', ''),
);

const csv = (rows: [string, string, string][], eol: string) =>
  ['customer,date,amount', ...rows.map((r) => r.join(','))].join(eol) + eol;

/** One edit: insert a byte (quote, delimiter, line end), delete a byte, or cut the file there. */
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'truncate'),
  text: fc.constantFrom('"', '"', ',', '\n', '\r\n', '\r', '""', ' '),
});

function mutate(text: string, edits: { at: number; kind: string; text: string }[]): string {
  // The header stays intact: the invariant is about data rows.
  const header = text.indexOf('\n') + 1;
  for (const e of edits) {
    const body = text.length - header;
    if (body <= 0) break;
    const at = header + (e.at % body);
    if (e.kind === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
    else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
    else text = text.slice(0, at);
  }
  return text;
}

describe('data: every row accounted for', () => {
  it('rows read = kept + rejected + filtered over mutated CSVs (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 0, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(mutation, { maxLength: 6 }),
        fc.boolean(),
        async (rows, eol, edits, filtered) => {
          const text = mutate(csv(rows, eol), edits);
          const l = await load(text, filtered ? { filter: notCustomer('A') } : {});
          assertAccounted(l);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a stray quote costs its own row only; reading resumes at the next line (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.nat(2),
        fc.constantFrom('\n', '\r\n'),
        async (n, which, field, eol) => {
          const rows = Array.from(
            { length: n },
            (_, i) =>
              [`C${i}`, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, `${i + 1}`] as [string, string, string],
          );
          const k = which % n;
          rows[k][field] = `"${rows[k][field]}`;
          const l = await load(csv(rows, eol));
          assertAccounted(l);
          assert.equal(l.report.rowsRead, n);
          assert.equal(l.report.rows, n - 1);
          assert.deepEqual(
            l.report.rejected.map((g) => [g.reason, g.count, g.lines]),
            [['unterminated quoted field (no closing quote within 100 lines)', 1, [k + 2]]],
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scanning in two chunks finds the same records as in one, broken quotes included (property)', () => {
    const records = (bytes: Buffer, cut: number) => {
      const scanner = new DelimitedScanner(44);
      const out: string[] = [];
      let buffer = bytes.subarray(0, cut);
      const onRecord = (count: number, line: number, s: number, e: number) =>
        out.push(`${line}:${count === UNTERMINATED ? 'U' : count}:${buffer.toString('latin1', s, e)}`);
      const consumed = scanner.scan(buffer, 0, buffer.length, false, onRecord);
      buffer = Buffer.concat([bytes.subarray(consumed, cut), bytes.subarray(cut)]);
      scanner.scan(buffer, 0, buffer.length, true, onRecord);
      return out;
    };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' '), maxLength: 60 }),
        fc.nat(),
        (text, cutSeed) => {
          const bytes = Buffer.from(text, 'latin1');
          assert.deepEqual(records(bytes, cutSeed % (bytes.length + 1)), records(bytes, bytes.length));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('data: unterminated quotes (issue fixtures)', () => {
  it('line 4 opening a quote it never closes: 9 rows kept, 1 rejected at line 4, 10 customers', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${String.fromCharCode(65 + i)},2020-01-0${(i % 9) + 1},10`);
    rows[2] = `"${rows[2]}`;
    const l = await load(`customer,date,amount\n${rows.join('\n')}\n`);
    assert.equal(l.report.rowsRead, 10);
    assert.equal(l.report.rows, 9);
    assert.deepEqual(l.report.rejected, [
      {
        reason: 'unterminated quoted field (no closing quote within 100 lines)',
        count: 1,
        lines: [4],
        examples: [{ line: 4, text: '"C,2020-01-03,10' }],
      },
    ]);
    assert.equal(l.report.customers, 9);
  });

  it('a quoted field may span up to 100 lines; beyond, the row is rejected and reading resumes', async () => {
    const inside = Array.from({ length: 100 }, (_, i) => `note ${i}`).join('\n');
    const ok = await load(`customer,date,amount,note\nA,2020-01-01,1,"${inside}"\nB,2020-01-02,2,x\n`);
    assert.equal(ok.report.rows, 2);
    assert.deepEqual(ok.report.rejected, []);
    const tooMany = `${inside}\nnote 100`;
    const broken = await load(`customer,date,amount,note\nA,2020-01-01,1,"${tooMany}"\nB,2020-01-02,2,x\n`);
    assertAccounted(broken);
    // Line 2 opens the quote; lines 3-102 hold `note k` (one field: too few) and a closing quote on 103.
    assert.equal(broken.report.rejected.find((g) => g.reason.startsWith('unterminated'))?.lines[0], 2);
    assert.deepEqual(
      broken.report.rejected.map((g) => g.reason),
      ['too few fields (1, need 3)', 'unterminated quoted field (no closing quote within 100 lines)'],
    );
  });

  it('a line over the 1 MiB limit is a clear error, not an out-of-memory abort', async () => {
    await assert.rejects(
      load(`customer,date,amount\nA,2020-01-01,1\n${','.repeat(3 << 20)}\n`),
      /f\d+\.csv, line 3 is longer than 1 MiB, the most one record may hold/,
    );
    await assert.rejects(load(`${'x,'.repeat(1 << 20)}\n`), /line 1 is longer than 1 MiB/);
  });
});
