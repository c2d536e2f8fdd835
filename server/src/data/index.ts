// The data layer's public API.
//
//   loadSource(spec, {signal, onProgress}) → LoadedSource
//     Reads a source (csv, tsv, text, json, parquet, arrow) into typed columns: a
//     TransactionLog (customer, date, amount) for transaction sources, frequency/recency/
//     age/monetary/weight columns for summary sources, or period + survivors for cohort
//     sources; plus a LoadReport (rows read, rejected by reason with first lines and texts,
//     filtered, customers, date range, elapsed ms). Filters: `spec.filters` (simple
//     column-op-value, all must hold) and/or `spec.filter` (a row predicate over the read
//     columns). Unreadable rows are reported; with `onError: 'fail'` the first one throws.
//     Aborts within one chunk (~2 MB) of `signal` firing; `onProgress` after every chunk.
//   readSchema(path, {format, ...}) → SourceSchema
//     Column names, inferred types (integer, number, date + format, string) and sample
//     values from the first ~50 rows, for the editor. readSchemaSync: the same, synchronously
//     (Parquet: names and stored types from the footer, no samples).
//   SourceEngine / registerEngine / engineFor
//     Where rows come from; files today, other engines (DuckDB, SQL) can be registered.
//
// Errors meant for the notebook's author (missing file, unknown column, bad format, a
// rejected row under onError 'fail', interruption) are DataError.
import { engineFor, registerEngine } from './engines/engine';
import { fileEngine } from './engines/file-engine';
import { applyFilters, compactColumns, predicateView } from './filter';
import { assemble, roleRequests } from './roles';
import { resolveSourcePath } from './engines/file-engine';
import type { LoadedSource, LoadOptions, SourceSpec } from './types';

export type * from './types';
export type { RejectExample, RejectGroup } from './rejects';
export type { SourceEngine } from './engines/engine';
export type { InferredType, SchemaColumn, SchemaOptions, SourceSchema } from './schema';
export { DataError, UnreadableFileError } from './errors';
export { dateParser, daysFromCivil, isoDate, parseDateText, type DateParser } from './date-parser';
export { readSchema, readSchemaSync, inferColumn, dateFormatMismatches } from './schema';
export { checkedFileSync } from './engines/file-engine';
export { engineFor, registerEngine, fileEngine, resolveSourcePath };

registerEngine(fileEngine);

export async function loadSource(spec: SourceSpec, options: LoadOptions = {}): Promise<LoadedSource> {
  const started = performance.now();
  const requests = roleRequests(spec);
  const read = await engineFor(spec.format).load(spec, requests, options);
  const before = { columns: read.columns, rows: read.rows, rejectedCustomers: read.rejectedCustomers };
  let { columns, rows } = read;
  let filtered = 0;
  if (spec.filters?.length || spec.filter) {
    const mask = spec.filter ? spec.filter(predicateView(columns), rows) : new Uint8Array(rows).fill(1);
    if (spec.filters?.length) applyFilters(spec.filters, columns, rows, mask);
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
