// A DuckDB session (@duckdb/node-api, embedded): a database file opened read-only unless the
// notebook writes a table back, or an in-memory database that reads local CSV/Parquet files.
// An interrupt is DuckDB's own (connection.interrupt()), which stops the running pipeline
// within milliseconds and leaves the connection usable.
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { interrupted } from '../../file-chunks';
import type { SqlColumn, SqlColumnType } from './dialect';
import { duckdbDialect } from './duckdb-dialect';
import {
  fromItem,
  SqlError,
  type QueryOptions,
  type SqlConnection,
  type SqlRelation,
  type SqlRows,
} from './connection';

export interface DuckDbOptions {
  /** The database file (absolute); undefined for an in-memory database over local files. */
  path?: string;
  /** Open the file for writing (only when the notebook writes a table back). */
  writable?: boolean;
  /** Where relative file names in queries (read_csv('orders.csv')) are looked up: the notebook's folder. */
  searchPath?: string;
}

/** DuckDB's type names to the planner's types. */
export function duckdbColumnType(native: string): SqlColumnType {
  const t = native.toUpperCase();
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|U?HUGEINT)$/.test(t)) return 'integer';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/.test(t)) return 'number';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'VARCHAR' || t.startsWith('VARCHAR(')) return 'text';
  if (t === 'BOOLEAN') return 'boolean';
  return 'other';
}

/** Query results as plain JavaScript: BIGINT counts as numbers, dates as days, the rest as given. */
function plain(value: DuckDBValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  return String(value);
}

function rowsOf(rows: DuckDBValue[][]): unknown[][] {
  return rows.map((row) => row.map(plain));
}

/** DuckDB's error text without its category prefix noise, as a SqlError. */
function sqlError(err: unknown): Error {
  const message = (err as Error).message ?? String(err);
  if (/interrupt/i.test(message)) return interrupted();
  return new SqlError(`DuckDB: ${message.trim()}`);
}

export class DuckDbConnection implements SqlConnection {
  readonly dialect = duckdbDialect;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(options: DuckDbOptions = {}): Promise<DuckDbConnection> {
    const config: Record<string, string> = {};
    if (options.path && !options.writable) config.access_mode = 'READ_ONLY';
    if (options.searchPath) config.file_search_path = options.searchPath;
    // Loaded on first use: DuckDB is a native module outside the bundles, so the kernel starts
    // (and file sources run) wherever it is not installed, e.g. from the packaged extension.
    let duckdb: typeof import('@duckdb/node-api');
    try {
      duckdb = await import('@duckdb/node-api');
    } catch (err) {
      throw new SqlError(
        `DuckDB is not available here (${(err as Error).message.split('\n')[0]}); install @duckdb/node-api beside clvnb to use DuckDB connections`,
      );
    }
    try {
      const instance = await duckdb.DuckDBInstance.create(options.path ?? ':memory:', config);
      return new DuckDbConnection(instance, await instance.connect());
    } catch (err) {
      throw new SqlError(`Cannot open the DuckDB database: ${(err as Error).message}`);
    }
  }

  /** Runs `work`, interrupting DuckDB when the signal fires. */
  private async guarded<T>(work: () => Promise<T>, options: QueryOptions = {}): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) throw interrupted();
    const onAbort = () => this.connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work();
    } catch (err) {
      throw signal?.aborted ? interrupted() : sqlError(err);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  query(sql: string, options?: QueryOptions): Promise<SqlRows> {
    return this.guarded(async () => {
      const reader = await this.connection.runAndReadAll(sql);
      return { names: reader.columnNames(), rows: rowsOf(reader.getRows()) };
    }, options);
  }

  stream(sql: string, onBatch: (batch: SqlRows) => void | Promise<void>, options?: QueryOptions): Promise<void> {
    return this.guarded(async () => {
      const result = await this.connection.stream(sql);
      const names = result.columnNames();
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        if (options?.signal?.aborted) throw interrupted();
        await onBatch({ names, rows: rowsOf(chunk.getRows()) });
      }
    }, options);
  }

  async execute(sql: string, options?: QueryOptions): Promise<void> {
    await this.guarded(() => this.connection.run(sql), options);
  }

  async upload(name: string, columns: { name: string; type: 'number' | 'text' }[], rows: unknown[][]): Promise<void> {
    const d = this.dialect;
    const definition = columns.map((c) => `${d.identifier(c.name)} ${c.type === 'number' ? 'DOUBLE' : 'VARCHAR'}`);
    await this.execute(`CREATE OR REPLACE TEMP TABLE ${d.identifier(name)} (${definition.join(', ')})`);
    const appender = await this.connection.createAppender(name, 'main', 'temp');
    try {
      for (const row of rows) {
        columns.forEach((c, i) => {
          const v = row[i];
          if (v === null || v === undefined) appender.appendNull();
          else if (c.type === 'number') appender.appendDouble(v as number);
          // eslint-disable-next-line @typescript-eslint/no-base-to-string -- column values are primitives
          else appender.appendVarchar(String(v));
        });
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  async columns(relation: SqlRelation, options?: QueryOptions): Promise<SqlColumn[]> {
    const described = await this.query(`DESCRIBE SELECT * FROM ${fromItem(this.dialect, relation)}`, options);
    return described.rows.map((row) => ({
      name: String(row[0]),
      nativeType: String(row[1]),
      type: duckdbColumnType(String(row[1])),
    }));
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
