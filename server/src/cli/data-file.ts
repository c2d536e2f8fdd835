// A user's data file as the command line sees it: its format from the extension, and its
// columns with inferred types and first values (the editor's reader, lsp/schema/read-schema.ts,
// so `clvnb columns`, `clvnb new` and column completion agree).
import { extname, resolve } from 'node:path';
import type { SampledColumn } from '../lsp/schema/columns';
import { readSchema } from '../lsp/schema/read-schema';
import { InputError } from './errors';

const FORMAT_BY_EXTENSION: Record<string, string> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'text',
  '.dat': 'text',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
  '.parquet': 'parquet',
  '.arrow': 'arrow',
  '.feather': 'arrow',
};

export const FORMATS = ['csv', 'tsv', 'text', 'json', 'parquet', 'arrow'];

/** The format a file's extension stands for, or an error naming the extensions known. */
export function formatOf(path: string): string {
  // A gzip file (orders.csv.gz) is read through: its format is the extension before `.gz`.
  const format = FORMAT_BY_EXTENSION[extname(path.replace(/\.gz$/i, '')).toLowerCase()];
  if (!format)
    throw new InputError(
      `cannot tell the file format from the extension; use one of ${Object.keys(FORMAT_BY_EXTENSION).join(' ')} (or pass --format)`,
      path,
    );
  return format;
}

/** The header and first values of the file: an error when it cannot be read or has no columns. */
export function readColumns(
  path: string,
  format: string,
  layout: { delimiter?: string; header?: boolean } = {},
): SampledColumn[] {
  const schema = readSchema({
    path: resolve(path),
    format,
    delimiter: layout.delimiter,
    header: layout.header ?? true,
  });
  if (schema.kind === 'unreadable') throw new InputError(`cannot read: ${schema.reason}`, path);
  if (schema.kind !== 'columns') throw new InputError(`cannot read the columns: ${schema.reason}`, path);
  if (schema.columns.length === 0) throw new InputError('the file is empty or has no header line', path);
  return schema.columns;
}
