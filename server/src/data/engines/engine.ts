// The seam between the language and where rows come from. A `source` statement becomes a
// SourceSpec; an engine turns it into typed columns. Files are the only engine today;
// DuckDB or a SQL warehouse would register another engine for its formats without any
// change to the language or the kernel.
import { DataError } from '../errors';
import type { ColumnarResult, ColumnRequest, LoadOptions, SourceSpec } from '../types';

export interface SourceEngine {
  /** The `format` words this engine reads (csv, parquet, ...). */
  readonly formats: readonly string[];
  /** The source's column names, reading as little as possible. */
  readHeader(spec: SourceSpec): Promise<string[]>;
  /** The requested columns as typed arrays, with unreadable rows counted (or thrown with onError 'fail'). */
  load(spec: SourceSpec, requests: ColumnRequest[], options: LoadOptions): Promise<ColumnarResult>;
}

const engines: SourceEngine[] = [];

/** Adds an engine; a later engine wins for a format both read. */
export function registerEngine(engine: SourceEngine): void {
  engines.unshift(engine);
}

export function engineFor(format: string): SourceEngine {
  const engine = engines.find((e) => e.formats.includes(format));
  if (!engine)
    throw new DataError(
      `Unknown data format "${format}"; known formats: ${[...new Set(engines.flatMap((e) => e.formats))].join(', ')}.`,
    );
  return engine;
}
