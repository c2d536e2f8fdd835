// Writing a per-customer table to a file. Two rules: a relative path may not leave the
// notebook's folder (a notebook shared by someone else must not write to ~/.bashrc via
// "../../"), and the file appears whole or not at all (temp file in the same folder, then
// rename, which is atomic on one file system), so a reader never sees half an export.
// The format follows the extension: .csv, .tsv, .json (array of row objects), .parquet.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { toCSV, type ColumnTable } from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';

/** Thrown for an export path the kernel refuses; the message says why. */
export class ExportPathError extends Error {}

export const EXPORT_FORMATS = ['.csv', '.tsv', '.json', '.parquet'];

/**
 * Resolves an export path written in a notebook. Absolute paths are taken as the user's
 * explicit choice; relative ones resolve against `notebookDir` and must stay inside it.
 */
export function resolveExportPath(notebookDir: string, target: string): string {
  if (target.trim() === '') throw new ExportPathError('The export path is empty.');
  if (!EXPORT_FORMATS.includes(extname(target).toLowerCase())) {
    throw new ExportPathError(`Cannot export to "${target}": the file name must end in ${EXPORT_FORMATS.join(', ')}.`);
  }
  if (isAbsolute(target)) return resolve(target);
  const root = resolve(notebookDir);
  const full = resolve(root, target);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new ExportPathError(
      `The export path "${target}" leaves the notebook's folder (${root}); ` +
        'use a path inside it, or an absolute path if you mean to write elsewhere.',
    );
  }
  return full;
}

/** Value formatters by column name (e.g. day numbers → ISO dates, NaN → empty). */
export type ColumnFormatters = Record<string, (value: unknown) => unknown>;

// Rows per chunk: keeps each string small for million-customer tables.
const CHUNK_ROWS = 50_000;

function writeDelimited(fd: number, table: ColumnTable, delimiter: string, format: ColumnFormatters) {
  // Each chunk ends with a newline; the first carries the header (even with no rows).
  const rows = table.numRows();
  for (let offset = 0; offset === 0 || offset < rows; offset += CHUNK_ROWS) {
    writeSync(fd, toCSV(table, { offset, limit: CHUNK_ROWS, header: offset === 0, delimiter, format }));
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
        const raw = get[j](indices[r]);
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

/** Writes `table` to `path` atomically in the format of its extension; returns the rows written. */
export function writeTableAtomic(table: ColumnTable, path: string, format: ColumnFormatters = {}): number {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    const ext = extname(path).toLowerCase();
    if (ext === '.json') writeJson(fd, table, format);
    else if (ext === '.parquet') writeParquet(fd, table, format);
    else writeDelimited(fd, table, ext === '.tsv' ? '\t' : ',', format);
    closeSync(fd);
    renameSync(temp, path);
    return table.numRows();
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw err;
  }
}
