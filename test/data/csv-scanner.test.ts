// The byte scanner against RFC 4180 written by hand: random tables of awkward fields
// (delimiters, quotes, CR/LF inside), serialised with quoting where needed and LF or CRLF
// line ends, come back field for field — also when the bytes arrive in two chunks cut at
// any point, as the streaming reader delivers them.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DelimitedScanner } from '../../server/src/data/csv-scanner';
import { fieldText } from '../../server/src/data/column-readers';

function serialise(rows: string[][], eol: string): string {
  const field = (f: string) => (/[",\r\n]|^ | $/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);
  return rows.map((r) => r.map(field).join(',')).join(eol) + eol;
}

/** Scans `bytes` delivered as [0, cut) then the rest, the way file-chunks.ts feeds the scanner. */
function scanInTwo(bytes: Buffer, cut: number): { fields: string[][]; lines: number[] } {
  const scanner = new DelimitedScanner(44);
  const fields: string[][] = [];
  const lines: number[] = [];
  let buffer = bytes.subarray(0, cut);
  const onRecord = (count: number, line: number) => {
    fields.push(
      Array.from({ length: count }, (_, k) => fieldText(buffer, scanner.starts[k], scanner.ends[k], scanner.flags[k])),
    );
    lines.push(line);
  };
  const consumed = scanner.scan(buffer, 0, buffer.length, false, onRecord);
  buffer = Buffer.concat([bytes.subarray(consumed, cut), bytes.subarray(cut)]);
  scanner.scan(buffer, 0, buffer.length, true, onRecord);
  return { fields, lines };
}

describe('data: CSV scanner', () => {
  it('round-trips RFC 4180 tables in one or two chunks (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '1'), maxLength: 8 });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc.array(fc.array(text, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
      );
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.nat(), (rows, eol, cutSeed) => {
        // A one-field row holding "" is written as `""`, which is not blank; every row survives.
        const bytes = Buffer.from(serialise(rows, eol), 'utf8');
        const cut = cutSeed % (bytes.length + 1);
        const { fields, lines } = scanInTwo(bytes, cut);
        assert.deepEqual(fields, rows);
        // Each record starts one line after the previous record's lines (newlines inside fields count).
        let line = 1;
        rows.forEach((r, k) => {
          assert.equal(lines[k], line);
          line += 1 + r.join(',').split('\n').length - 1;
        });
      }),
      { numRuns: 500 },
    );
  });

  it('splits whitespace-delimited lines on runs of spaces and tabs, skipping blank lines', () => {
    const scanner = new DelimitedScanner('whitespace');
    const bytes = Buffer.from(' 00001  19970101 1  11.77\r\n\r\n\t00002\t19970112 1 12.00');
    const rows: string[][] = [];
    scanner.scan(bytes, 0, bytes.length, true, (count, line) =>
      rows.push([
        String(line),
        ...Array.from({ length: count }, (_, k) => bytes.toString('utf8', scanner.starts[k], scanner.ends[k])),
      ]),
    );
    assert.deepEqual(rows, [
      ['1', '00001', '19970101', '1', '11.77'],
      ['3', '00002', '19970112', '1', '12.00'],
    ]);
  });
});
