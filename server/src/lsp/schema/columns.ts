// What the editor knows of a source's columns: the names, the checker's type and the data
// layer's finer one, sample values (or a warehouse column's engine type). Plain types, free of
// the file system, so the web build of the language server shares them (read-schema.ts reads
// them from a local file, catalog.ts from a warehouse).
import type { InferredType } from '../../data/schema';
import type { ColumnInfo } from '../../language';

export interface SourceFileSpec {
  /** Absolute path. */
  path: string;
  format: string;
  /** One character, or ' ' for whitespace; undefined means the format's default. */
  delimiter?: string;
  header: boolean;
  /** Names from the `columns` option, for files without a header line. */
  columns?: string[];
}

export interface SampledColumn extends ColumnInfo {
  /** The data layer's finer type: integer and number are both `number` to the checker. */
  inferred: InferredType;
  /** For a date column: the first format (ISO, YYYYMMDD, DD/MM/YYYY...) that reads every sample. */
  dateFormat?: string;
  /** For a date column the samples leave ambiguous (05/06/2022): one format per reading, `dateFormat` first. */
  dateFormats?: string[];
  /** The first values of the column, as written in the file (none from a warehouse's catalog). */
  samples: string[];
  /** The engine's own type name, for a column from a warehouse's catalog: `numeric(12,2)`. */
  nativeType?: string;
}

export type FileSchema =
  | { kind: 'columns'; columns: SampledColumn[] }
  /** The file exists but its columns are not read (an Arrow file too large to read here). */
  | { kind: 'opaque'; reason: string }
  | { kind: 'unreadable'; reason: string }
  /** No answer within the editor's timeout (read-timeout.ts): a warning, tried again later. */
  | { kind: 'timeout'; reason: string };

/** The columns a transaction source's dates are read from, as its mappings declare them. */
export interface DateColumns {
  customer: string;
  date: string;
  /** The `as` format; undefined is ISO. */
  format?: string;
}

/** The earliest and latest readable transaction date of a file (days since 1970-01-01), or why there is none. */
export type DateRange = { kind: 'range'; first: number; last: number } | { kind: 'failed'; reason: string };

/** What the language server knows of a source's columns: a schema, or `reading` while it is being read. */
export type SchemaAnswer = FileSchema | { kind: 'reading' };

/**
 * How a column's type reads in hover and completion: `integer`, `date (ISO)`, `date (DD/MM/YYYY or MM/DD/YYYY)`,
 * or a warehouse column's own type, `numeric(12,2)`.
 */
export function describeColumnType(column: SampledColumn): string {
  if (column.nativeType) return column.nativeType;
  if (column.inferred === 'empty') return 'no values in the sample';
  const formats = column.dateFormats ?? (column.dateFormat ? [column.dateFormat] : []);
  return formats.length ? `${column.inferred} (${formats.join(' or ')})` : column.inferred;
}
