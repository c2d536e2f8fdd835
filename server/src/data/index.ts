// The data layer's public API.
//
//   loadSource(spec, {signal, onProgress}) → LoadedSource
//     Reads a source (csv, tsv, text, json, parquet, arrow) into typed columns: a
//     TransactionLog (customer, date, amount) for transaction sources, frequency/recency/
//     age/monetary/weight columns for summary sources, or period + survivors for cohort
//     sources; plus a LoadReport (rows read, rejected by reason with first lines and texts,
//     filtered, customers, date range, elapsed ms). `spec.filter` is a row predicate over the
//     read columns (the notebook's `where` lines). Unreadable rows are counted and reported.
//     Aborts within one chunk (~2 MB) of `signal` firing; `onProgress` after every chunk.
//   readSchema(path, {format, ...}) → SourceSchema
//     Column names, inferred types (integer, number, date + format, string) and sample
//     values from the first ~50 rows, for the editor. readSchemaSync: the same, synchronously
//     (Parquet: names and stored types from the footer, no samples).
//
// Errors meant for the notebook's author (missing file, unknown column, bad format,
// interruption) are DataError.
import { loadFile } from './engines/file-engine';
import { compactColumns, predicateView } from './filter';
import { assemble, roleRequests } from './roles';
import { resolveSourcePath } from './engines/file-engine';
import type { LoadedSource, LoadOptions, SourceSpec } from './types';

export type * from './types';
export type { RejectExample, RejectGroup } from './rejects';
export type { InferredType, SchemaColumn, SchemaOptions, SourceSchema } from './schema';
export { DataError, UnreadableFileError } from './errors';
export { dateParser, daysFromCivil, isoDate, parseDateText, type DateParser } from './date-parser';
export { readSchema, readSchemaSync, inferColumn, dateFormatMismatches } from './schema';
export { checkedFileSync } from './engines/file-engine';
export { resolveSourcePath };

export async function loadSource(spec: SourceSpec, options: LoadOptions = {}): Promise<LoadedSource> {
  const started = performance.now();
  const requests = roleRequests(spec);
  const read = await loadFile(spec, requests, options);
  const before = { columns: read.columns, rows: read.rows, rejectedCustomers: read.rejectedCustomers };
  let { columns, rows } = read;
  let filtered = 0;
  if (spec.filter) {
    const mask = spec.filter(predicateView(columns), rows);
    const compacted = compactColumns(columns, mask, rows);
    filtered = rows - compacted.kept;
    columns = compacted.columns;
    rows = compacted.kept;
  }
  const file = resolveSourcePath(spec.path, spec.baseDir);
  const report = { file, rowsRead: read.rowsRead, rejected: read.rejected, filtered, rows, elapsedMs: 0 };
  const loaded = assemble(spec, columns, rows, report, before);
  loaded.report.elapsedMs = performance.now() - started;
  return loaded;
}
