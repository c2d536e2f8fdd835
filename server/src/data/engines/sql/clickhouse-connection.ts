// A ClickHouse session over HTTP (@clickhouse/client), for servers as old as 18.16: a session
// id keeps temporary tables (the kernel's scores) alive between statements; every query has
// its own query id, and an interrupt sends `KILL QUERY WHERE query_id = ...` from a second,
// session-less client (a session runs one query at a time), so the server stops the query and
// the session is usable again. Results are JSONCompact (names, types, rows), 64-bit integers
// turned into numbers; big results stream as JSONEachRow.
import { randomUUID } from 'node:crypto';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { interrupted } from '../../file-chunks';
import type { SqlColumn, SqlColumnType } from './dialect';
import {
  cancellable,
  fromItem,
  SqlError,
  type QueryOptions,
  type SqlConnection,
  type SqlRelation,
  type SqlRows,
} from './connection';
import { clickhouseDialect } from './clickhouse-dialect';

const REQUEST_TIMEOUT_MS = 10 * 60_000;

/** ClickHouse's type names to the planner's types (Nullable and LowCardinality unwrapped). */
export function clickhouseColumnType(native: string): SqlColumnType {
  const t = native
    .replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2')
    .replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2');
  if (/^U?Int(8|16|32|64|128|256)$/.test(t)) return 'integer';
  if (/^(Float(32|64)|Decimal)/.test(t)) return 'number';
  if (t === 'Date' || t === 'Date32') return 'date';
  if (t.startsWith('DateTime')) return 'timestamp';
  if (t === 'String' || t.startsWith('FixedString') || t.startsWith('Enum')) return 'text';
  if (t === 'Bool') return 'boolean';
  return 'other';
}

/** The server's error, reworded for the notebook's author; never the URL or a password. */
export function clickhouseError(err: unknown, where: string): Error {
  const e = err as Error & { code?: string };
  const text = (e.message ?? String(err))
    .replace(/^.*?DB::Exception: /s, '')
    .replace(/, e\.what\(\) = DB::Exception\s*$/s, '')
    .trim();
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(text))
    return new SqlError(
      `Cannot connect to ClickHouse at ${where}: the connection was refused (is the server running, on that port?).`,
    );
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return new SqlError(`Cannot connect to ClickHouse at ${where}: the host name is unknown.`);
  if (e.code === '192' || e.code === '193' || e.code === '516' || /password|Unknown user/i.test(text))
    return new SqlError(
      `ClickHouse at ${where} refused the login: ${text}. Check the user and password of the connection.`,
    );
  if (e.code === '394' || /cancelled/i.test(text)) return interrupted();
  const table = /^Table (.*) doesn't exist/.exec(text);
  if (table) return new SqlError(`ClickHouse: there is no table ${table[1]}.`);
  const column = /^(?:Unknown identifier|Missing columns): (.*?)(?:,|$)/.exec(text);
  if (column) return new SqlError(`ClickHouse: there is no column ${column[1].replace(/^'|'$/g, '')}.`);
  return new SqlError(`ClickHouse: ${text}`);
}

/** JSONCompact values as plain JavaScript: 64-bit integers (sent as text) as numbers. */
function plainRows(meta: { name: string; type: string }[], rows: unknown[][]): unknown[][] {
  const wide = meta.map((m) => /^(Nullable\()?U?Int64/.test(m.type));
  if (!wide.some(Boolean)) return rows;
  return rows.map((row) => row.map((v, i) => (wide[i] && typeof v === 'string' ? Number(v) : v)));
}

export class ClickHouseConnection implements SqlConnection {
  readonly dialect = clickhouseDialect;
  /** The statement running now (settled when the session is idle). */
  private previous: Promise<void> = Promise.resolve();

  private constructor(
    private readonly session: ClickHouseClient,
    private readonly control: ClickHouseClient,
    private readonly where: string,
  ) {}

  /** Opens a session; `url` is http(s)://user:password@host:port (a database as the path). */
  static async open(url: string): Promise<ClickHouseConnection> {
    const parsed = new URL(url);
    const where = `${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? 8443 : 8123)}`;
    const config = {
      url: `${parsed.protocol}//${parsed.host}`,
      username: decodeURIComponent(parsed.username) || 'default',
      password: decodeURIComponent(parsed.password),
      database: parsed.pathname.replace(/^\//, '') || 'default',
      request_timeout: REQUEST_TIMEOUT_MS,
      application: 'clv-notebooks',
      // Errors reach the notebook as messages; the client's own log would print URLs and queries.
      log: { level: ClickHouseLogLevel.OFF },
    };
    const session = createClient({ ...config, session_id: randomUUID() });
    const control = createClient(config);
    const connection = new ClickHouseConnection(session, control, where);
    try {
      await connection.query('SELECT 1');
    } catch (err) {
      await connection.close();
      throw err;
    }
    return connection;
  }

  /** Runs `work` with a fresh query id; on abort, kills that query on the server and rejects at once. */
  private async guarded<T>(work: (queryId: string) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) throw interrupted();
    const queryId = randomUUID();
    const running = this.previous
      .then(() => work(queryId))
      .catch((err) => {
        throw signal?.aborted ? interrupted() : clickhouseError(err, this.where);
      });
    this.previous = running.then(
      () => undefined,
      () => undefined,
    );
    return cancellable(
      running,
      signal,
      () =>
        void this.control
          .command({ query: `KILL QUERY WHERE query_id = ${this.dialect.string(queryId)} ASYNC` })
          .catch(() => undefined),
    );
  }

  query(sql: string, options?: QueryOptions): Promise<SqlRows> {
    return this.guarded(async (query_id) => {
      const result = await this.session.query({ query: sql, format: 'JSONCompact', query_id });
      const json = (await result.json()) as { meta: { name: string; type: string }[]; data: unknown[][] };
      return { names: json.meta.map((m) => m.name), rows: plainRows(json.meta, json.data) };
    }, options);
  }

  stream(sql: string, onBatch: (batch: SqlRows) => void | Promise<void>, options?: QueryOptions): Promise<void> {
    return this.guarded(async (query_id) => {
      const result = await this.session.query({ query: sql, format: 'JSONEachRow', query_id });
      let names: string[] | undefined;
      for await (const rows of result.stream()) {
        if (options?.signal?.aborted) throw interrupted();
        const objects = rows.map((row) => row.json<Record<string, unknown>>());
        names ??= objects.length ? Object.keys(objects[0]) : undefined;
        if (names) await onBatch({ names, rows: objects.map((o) => names!.map((n) => o[n])) });
      }
    }, options);
  }

  async execute(sql: string, options?: QueryOptions): Promise<void> {
    // A temporary table is created afresh (18.16 has no CREATE OR REPLACE).
    const temporary = /^CREATE TEMPORARY TABLE (`(?:[^`\\]|\\.)*`)/.exec(sql);
    if (temporary) await this.execute(`DROP TEMPORARY TABLE IF EXISTS ${temporary[1]}`, options);
    await this.guarded((query_id) => this.session.command({ query: sql, query_id }), options);
  }

  async upload(name: string, columns: { name: string; type: 'number' | 'text' }[], rows: unknown[][]): Promise<void> {
    const d = this.dialect;
    const definition = columns.map(
      (c) => `${d.identifier(c.name)} ${c.type === 'number' ? 'Nullable(Float64)' : 'Nullable(String)'}`,
    );
    await this.execute(`CREATE TEMPORARY TABLE ${d.identifier(name)} (${definition.join(', ')}) ENGINE = Memory`);
    const values = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null])));
    await this.guarded((query_id) =>
      this.session.insert({ table: d.identifier(name), values, format: 'JSONEachRow', query_id }),
    );
  }

  async columns(relation: SqlRelation, options?: QueryOptions): Promise<SqlColumn[]> {
    // LIMIT 0 reads nothing; the result's meta names every column and its type.
    const result = await this.guarded(async (query_id) => {
      const r = await this.session.query({
        query: `SELECT * FROM ${fromItem(this.dialect, relation)} LIMIT 0`,
        format: 'JSONCompact',
        query_id,
      });
      return (await r.json()) as { meta: { name: string; type: string }[] };
    }, options);
    return result.meta.map((m) => ({ name: m.name, nativeType: m.type, type: clickhouseColumnType(m.type) }));
  }

  async close(): Promise<void> {
    await Promise.all([this.session.close(), this.control.close()]);
  }
}
