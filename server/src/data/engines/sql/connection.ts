// A live connection to a SQL engine: what the planner runs its dialect's SQL through. One
// implementation per engine (duckdb-connection.ts, ...); the planner never imports a driver.
//
// What a connection must guarantee:
//   - `signal`: when it fires, the running statement is cancelled ON THE SERVER (DuckDB
//     interrupt, PostgreSQL cancel request, ClickHouse KILL QUERY by query id) and the call
//     rejects with the data layer's `interrupted()` within 200 ms; the connection stays usable after.
//   - Errors are SqlError with a message for the notebook's author (connection refused,
//     authentication failed, no such table/column), never with a URL or a password in it.
//   - Temporary tables created through it live as long as the connection (one session).
//   - Only `execute` may change anything, and the planner uses it only for temporary tables
//     and the notebook's named write-back table.
import { DataError } from '../../errors';
import { interrupted } from '../../file-chunks';
import type { SqlColumn, SqlDialect } from './dialect';

/** Rows of a result, column-major-friendly: names once, then one array per row. */
export interface SqlRows {
  names: string[];
  rows: unknown[][];
}

export interface QueryOptions {
  signal?: AbortSignal;
}

export interface SqlConnection {
  readonly dialect: SqlDialect;
  /** Runs a SELECT and returns all its rows (for small results: histograms, aggregates). */
  query(sql: string, options?: QueryOptions): Promise<SqlRows>;
  /** Runs a SELECT and hands its rows over in batches, for results too big to hold (exports). */
  stream(sql: string, onBatch: (batch: SqlRows) => void | Promise<void>, options?: QueryOptions): Promise<void>;
  /** Runs a statement without rows (temporary tables, write-back). */
  execute(sql: string, options?: QueryOptions): Promise<void>;
  /** A session-scoped temporary table holding `rows` (the kernel's per-pattern scores). */
  upload(name: string, columns: { name: string; type: 'number' | 'text' }[], rows: unknown[][]): Promise<void>;
  /** The columns of a table, or of a query's result (without running it to the end). */
  columns(relation: SqlRelation, options?: QueryOptions): Promise<SqlColumn[]>;
  close(): Promise<void>;
}

/** Where a source's rows come from: a table by name, or the text of a query. */
export type SqlRelation = { kind: 'table'; name: string } | { kind: 'query'; sql: string };

/** The FROM item of a relation. */
export function fromItem(dialect: SqlDialect, relation: SqlRelation): string {
  return relation.kind === 'table'
    ? dialect.relation(relation.name)
    : `(${relation.sql}) AS ${dialect.identifier('q')}`;
}

/** A problem the engine reported, reworded for the notebook's author. */
export class SqlError extends DataError {}

/**
 * `running`, unless `signal` fires first: then `cancel` is called (it asks the server to stop
 * the statement) and the call rejects with `interrupted()` at once, without waiting for the
 * server's answer. For connections whose driver cannot abort a statement by itself.
 */
export async function cancellable<T>(
  running: Promise<T>,
  signal: AbortSignal | undefined,
  cancel: () => void,
): Promise<T> {
  if (!signal) return running;
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      cancel();
      reject(interrupted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([running, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
    running.catch(() => undefined);
  }
}
