// What the data layer takes and hands on. TransactionLog is the contract with the models
// library: typed columns, never row objects (a row object per transaction would be millions).
import type { ReturnsPolicy } from './policy';
import type { RejectGroup } from './rejects';

export interface TransactionLog {
  customerIds: string[];
  /** Index into customerIds, per transaction. */
  customer: Int32Array;
  /** Days since 1970-01-01 UTC (fractional when the file gives a time of day). */
  time: Float64Array;
  amount: Float64Array | null;
  rows: number;
}

export interface LoadReport {
  /** The file read (absolute path). */
  file: string;
  /** Data rows seen (blank lines and the header excluded). */
  rowsRead: number;
  /** Unreadable rows per reason, most frequent first, with the first few lines and texts. */
  rejected: RejectGroup[];
  /** Rows dropped by filters (`where`). */
  filtered: number;
  /** Rows kept. */
  rows: number;
  /** Distinct customers kept (transaction sources; 0 otherwise). */
  customers: number;
  /**
   * Transaction sources: distinct customers in the rows read (kept or not), so that
   * customersRead = customers + customers every row of whom was rejected + filtered.
   */
  customersRead: number;
  /** Customers every row of whom was rejected, per the reason of their last rejected row. */
  customersRejected: { reason: string; count: number }[];
  /** Customers every row of whom a `where` filter dropped. */
  customersFiltered: number;
  /** Earliest and latest kept date in days since 1970-01-01 (transaction sources), else NaN. */
  minDate: number;
  maxDate: number;
  elapsedMs: number;
}

/** How one column is read: customer ids are interned, numbers and dates become Float64. */
export type ColumnKind = 'id' | 'number' | 'date' | 'text';

export interface ColumnRequest {
  name: string;
  kind: ColumnKind;
  /** For dates: `ISO` (default), `YYYYMMDD` or a pattern such as `DD/MM/YYYY`. */
  dateFormat?: string;
  /** For dates: the range of plausible dates (ISO, inclusive); a date outside it rejects the row. */
  plausible?: { earliest: string; latest: string };
}

export type ColumnValues =
  /** `invalid[k]` is 1 for an id whose bytes are not UTF-8 (its rows were rejected). */
  | { kind: 'id'; codes: Int32Array; ids: string[]; invalid?: Uint8Array | null }
  | { kind: 'number' | 'date'; values: Float64Array }
  | { kind: 'text'; values: string[] };

/** Extra columns (filter columns, extra mapped columns) after filtering, by file column name. */
export type ExtraColumns = Map<string, ColumnValues>;

export type LoadedSource =
  | {
      kind: 'transactions';
      log: TransactionLog;
      extra: ExtraColumns;
      report: LoadReport;
      /** What a negative amount means for the summary (the source's `returns`). */
      returns: ReturnsPolicy;
    }
  | {
      kind: 'summary';
      /** Rows of the file (customers, or patterns when weighted). */
      rows: number;
      /** Customers (sum of weights when weighted). */
      customers: number;
      /** Customer ids when a `customer` column is mapped, else null. */
      customerIds: string[] | null;
      frequency: Float64Array;
      recency: Float64Array;
      age: Float64Array;
      monetary: Float64Array | null;
      weight: Float64Array | null;
      extra: ExtraColumns;
      report: LoadReport;
    }
  | {
      kind: 'cohorts';
      periods: Float64Array;
      cohorts: { name: string; survivors: Float64Array }[];
      extra: ExtraColumns;
      report: LoadReport;
    };

export interface RoleMapping {
  /** customer, date, amount | frequency, recency, age (or T), monetary, weight, customer | period, survivors. */
  role: string;
  columns: string[];
  /** Date format for a date role. */
  format?: string;
}

/** Column values a row predicate sees: numbers and dates as Float64 (days), ids and text as strings. */
export type FilterColumns = Map<string, Float64Array | string[]>;

export type SourceFormat = 'csv' | 'tsv' | 'text' | 'json' | 'parquet' | 'arrow';

export interface SourceSpec {
  /** Absolute, or relative to `baseDir` (the notebook's folder). */
  path: string;
  baseDir?: string;
  /** csv, tsv, text (whitespace-delimited), json (array or JSON lines), parquet, arrow. */
  format: string;
  kind: 'transactions' | 'summary' | 'cohorts';
  /** One character (' ' means runs of whitespace); default by format. */
  delimiter?: string;
  /** Whether the first non-blank line names the columns (default true). */
  header?: boolean;
  /** Names of the columns, for a file without a header (or to rename the header's). */
  columns?: string[];
  mappings: RoleMapping[];
  /** Extra columns the row predicate reads. */
  filterColumns?: ColumnRequest[];
  /** Row predicate (the notebook's `where` lines) over the read columns: 1 keeps the row. */
  filter?: (columns: FilterColumns, rows: number) => Uint8Array;
  /** Negative amounts (returns): see RETURNS_POLICIES; default DEFAULT_RETURNS_POLICY. */
  returns?: ReturnsPolicy;
  /** Transaction dates outside this range (ISO, inclusive) are rejected; default PLAUSIBLE_DATES. */
  plausibleDates?: { earliest?: string; latest?: string };
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Called after each chunk: fraction of bytes read, a short message, bytes read and total. */
  onProgress?: (fraction: number, message: string, bytesRead: number, totalBytes: number) => void;
}

/** Columns read by an engine, before filters and role assembly. */
export interface ColumnarResult {
  rowsRead: number;
  /** Rows kept (every column holds this many values). */
  rows: number;
  columns: Map<string, ColumnValues>;
  rejected: RejectGroup[];
  /** The file's column names. */
  names: string[];
  /** Customer code (of the id column) → reason of the last row of that customer rejected. */
  rejectedCustomers?: Map<number, string>;
}
