// Writing a per-customer table to a file, whole or not at all (files/atomic-write.ts); where
// it may be written is files/write-policy.ts's decision. The format follows the extension:
// .csv, .tsv, .json (array of row objects), .parquet.
import { writeSync } from 'node:fs';
import { extname } from 'node:path';
import { toCSV, type ColumnTable } from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { writeFileAtomic } from '../files/atomic-write';

/** Value formatters by column name (e.g. day numbers → ISO dates, NaN → empty). */
export type ColumnFormatters = Record<string, (value: unknown) => unknown>;

// Rows per chunk: keeps each string small for million-customer tables.
const CHUNK_ROWS = 50_000;

/**
 * A spreadsheet opening a CSV runs a text cell that starts with `=`, `+`, `-` or `@` (or a tab
 * or carriage return before one) as a formula: `=HYPERLINK(...)` in a customer id would. Such
 * text gets a leading `'`, as OWASP recommends, which spreadsheets show as text. JSON and
 * Parquet exports keep values exactly, for programs, and so does a CSV export with
 * `spreadsheet_safe false` (docs/language.md, "export").
 */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function writeDelimited(fd: number, table: ColumnTable, delimiter: string, format: ColumnFormatters, guard: boolean) {
  const safe: ColumnFormatters = guard ? {} : format;
  if (guard) {
    for (const name of table.columnNames()) {
      const f = format[name];
      safe[name] = f ? (v) => spreadsheetSafe(f(v)) : spreadsheetSafe;
    }
  }
  // Each chunk ends with a newline; the first carries the header (even with no rows).
  const rows = table.numRows();
  for (let offset = 0; offset === 0 || offset < rows; offset += CHUNK_ROWS) {
    writeSync(fd, toCSV(table, { offset, limit: CHUNK_ROWS, header: offset === 0, delimiter, format: safe }));
  }
}

function writeJson(fd: number, table: ColumnTable, format: ColumnFormatters) {
  const names = table.columnNames();
  const get = names.map((n) => table.getter(n));
  const apply = names.map((n) => format[n] ?? ((v: unknown) => v));
  const rows = table.numRows();
  const indices = table.indices();
  writeSync(fd, '[');
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const parts: string[] = [];
    for (let r = start; r < Math.min(rows, start + CHUNK_ROWS); r++) {
      const row: Record<string, unknown> = {};
      names.forEach((n, j) => {
        const raw: unknown = get[j](indices[r]);
        const out = apply[j](raw);
        // A number formatted to an empty cell (undefined metric) is JSON null.
        row[n] = out === '' && typeof raw === 'number' ? null : out;
      });
      parts.push(JSON.stringify(row));
    }
    writeSync(fd, (start === 0 ? '\n' : ',\n') + parts.join(',\n'));
  }
  writeSync(fd, '\n]\n');
}

function writeParquet(fd: number, table: ColumnTable, format: ColumnFormatters) {
  const columnData = table.columnNames().map((name) => {
    const values = table.array(name) as ArrayLike<unknown>;
    const f = format[name];
    if (!f && values instanceof Float64Array) return { name, data: values, type: 'DOUBLE' as const };
    const data = Array.from(values, (v) => {
      const out = f ? f(v) : v;
      return out === '' || out === undefined ? null : out;
    });
    return { name, data, type: data.some((v) => typeof v === 'number') ? ('DOUBLE' as const) : ('STRING' as const) };
  });
  writeSync(fd, new Uint8Array(parquetWriteBuffer({ columnData })));
}

/**
 * Writes `table` to `path` atomically in the format of its extension; returns the rows written.
 * `spreadsheetSafe` guards text cells of .csv and .tsv files against formulas (an export's
 * `spreadsheet_safe` option); the other formats keep every value as it is.
 */
export function writeTableAtomic(
  table: ColumnTable,
  path: string,
  format: ColumnFormatters,
  spreadsheetSafe: boolean,
): number {
  const ext = extname(path).toLowerCase();
  writeFileAtomic(path, (fd) => {
    if (ext === '.json') writeJson(fd, table, format);
    else if (ext === '.parquet') writeParquet(fd, table, format);
    else writeDelimited(fd, table, ext === '.tsv' ? '\t' : ',', format, spreadsheetSafe);
  });
  return table.numRows();
}
