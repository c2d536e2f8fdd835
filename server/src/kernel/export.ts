// Writing a per-customer table to CSV. Two rules: a relative path may not leave the
// notebook's folder (a notebook shared by someone else must not write to ~/.bashrc via
// "../../"), and the file appears whole or not at all (temp file in the same folder, then
// rename, which is atomic on one file system), so a reader never sees half an export.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, basename, join } from 'node:path';
import { toCSV, type ColumnTable } from 'arquero';

/** Thrown for an export path the kernel refuses; the message says why. */
export class ExportPathError extends Error {}

/**
 * Resolves an export path written in a notebook. Absolute paths are taken as the user's
 * explicit choice; relative ones resolve against `notebookDir` and must stay inside it.
 */
export function resolveExportPath(notebookDir: string, target: string): string {
  if (target.trim() === '') throw new ExportPathError('The export path is empty.');
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

// Rows per toCSV call: keeps each string small for million-customer tables.
const CHUNK_ROWS = 50_000;

/**
 * Writes `table` as CSV to `path` atomically and returns the number of data rows.
 * `format` maps column names to value formatters (e.g. day numbers → ISO dates).
 */
export function writeCsvAtomic(
  table: ColumnTable,
  path: string,
  format: Record<string, (value: unknown) => unknown> = {},
): number {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    const rows = table.numRows();
    // Each chunk ends with a newline; the first carries the header (even with no rows).
    for (let offset = 0; offset === 0 || offset < rows; offset += CHUNK_ROWS) {
      writeSync(fd, toCSV(table, { offset, limit: CHUNK_ROWS, header: offset === 0, format }));
    }
    closeSync(fd);
    renameSync(temp, path);
    return rows;
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
