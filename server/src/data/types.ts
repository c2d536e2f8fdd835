// What the data layer hands on. TransactionLog is the contract with the models library
// (see the project brief): typed columns, never row objects.
import type { RejectGroup } from './rejects';
import type { ColumnRequest } from './scan';

export interface TransactionLog {
  customerIds: string[];
  /** Index into customerIds, per transaction. */
  customer: Int32Array;
  /** Days since 1970-01-01 UTC (may be fractional). */
  time: Float64Array;
  amount: Float64Array | null;
  rows: number;
}

export interface LoadReport {
  /** The file read (absolute path). */
  file: string;
  rowsRead: number;
  rejected: RejectGroup[];
  /** Rows dropped by `where` filters. */
  filtered: number;
}

export type LoadedSource =
  | { kind: 'transactions'; log: TransactionLog; report: LoadReport }
  | {
      kind: 'summary';
      /** Rows of the file (customers, or patterns when weighted). */
      rows: number;
      /** Customers (sum of weights when weighted). */
      customers: number;
      frequency: Float64Array;
      recency: Float64Array;
      age: Float64Array;
      monetary: Float64Array | null;
      weight: Float64Array | null;
      report: LoadReport;
    }
  | { kind: 'cohorts'; periods: Float64Array; cohorts: { name: string; survivors: Float64Array }[]; report: LoadReport };

export interface RoleMapping {
  role: string;
  columns: string[];
  /** Date format for a date role. */
  format?: string;
}

export type FilterColumns = Map<string, Float64Array | string[]>;

export interface SourceSpec {
  path: string;
  /** csv, tsv, text, json, parquet, arrow. */
  format: string;
  kind: 'transactions' | 'summary' | 'cohorts';
  /** One character; default by format. */
  delimiter?: string;
  header?: boolean;
  /** Names of the columns, for a file without a header. */
  columns?: string[];
  mappings: RoleMapping[];
  /** Extra columns the row filter reads. */
  filterColumns?: ColumnRequest[];
  /** Row filter (the notebook's `where` lines): 1 keeps the row. */
  filter?: (columns: FilterColumns, rows: number) => Uint8Array;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
}
