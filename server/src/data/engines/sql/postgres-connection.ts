// A PostgreSQL session over `pg` (node-postgres). Interrupt sends PostgreSQL's cancel request
// (a separate socket carrying the session's key, no login), which stops the running statement
// within milliseconds; the session stays usable. Results come back as plain JavaScript:
// bigint counts and numerics as numbers, dates as ISO text. Big results stream through a
// server-side cursor, a batch at a time.
import pg from 'pg';
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
import { postgresDialect } from './postgres-dialect';

const STREAM_BATCH = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;

/** PostgreSQL's type names (format_type) to the planner's types. */
export function postgresColumnType(native: string): SqlColumnType {
  const t = native.toLowerCase();
  if (/^(smallint|integer|bigint)$/.test(t)) return 'integer';
  if (/^(numeric|real|double precision|money)/.test(t)) return 'number';
  if (t === 'date') return 'date';
  if (t.startsWith('timestamp')) return 'timestamp';
  if (/^(text|character|name|citext|uuid)/.test(t)) return 'text';
  if (t === 'boolean') return 'boolean';
  return 'other';
}

const TYPES = {
  getTypeParser(oid: number, format?: string) {
    // int8, numeric → number; date → 'YYYY-MM-DD' (never a local-time Date object).
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text') as (v: string) => unknown;
  },
};

/** The engine's error, reworded for the notebook's author; never the URL or a password. */
export function postgresError(err: unknown, where: string): Error {
  const e = err as Error & { code?: string; address?: string; port?: number };
  switch (e.code) {
    case 'ECONNREFUSED':
      return new SqlError(
        `Cannot connect to PostgreSQL at ${where}: the connection was refused (is the server running, on that port?).`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SqlError(`Cannot connect to PostgreSQL at ${where}: the host name is unknown.`);
    case '28P01':
    case '28000':
      return new SqlError(
        `PostgreSQL at ${where} refused the login: ${e.message}. Check the user and password of the connection.`,
      );
    case '3D000':
      return new SqlError(`PostgreSQL at ${where}: ${e.message}.`);
    case '42P01':
      return new SqlError(
        `PostgreSQL: there is no table or view ${e.message.replace(/^relation (.*) does not exist$/, '$1')}.`,
      );
    case '42703':
      return new SqlError(`PostgreSQL: there is no column ${e.message.replace(/^column (.*) does not exist$/, '$1')}.`);
    case '57014':
      return interrupted();
    default:
      if (/timeout/i.test(e.message))
        return new SqlError(`Cannot connect to PostgreSQL at ${where}: no answer (timed out).`);
      return new SqlError(`PostgreSQL: ${e.message}.`);
  }
}

interface CancelSocket {
  on(event: string, listener: () => void): void;
  connect(port: number, host: string): void;
  cancel(processID: number, secretKey: number): void;
}

export class PostgresConnection implements SqlConnection {
  readonly dialect = postgresDialect;
  /** The statement running now (settled when the session is idle). */
  private previous: Promise<void> = Promise.resolve();

  private constructor(
    private readonly client: pg.Client,
    /** host:port/database, for messages (no user, no password). */
    private readonly where: string,
  ) {}

  /** Opens a session; `url` is postgres://user:password@host:port/database. */
  static async open(url: string): Promise<PostgresConnection> {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'clv-notebooks',
      types: TYPES,
    });
    const where = `${client.host}:${client.port}/${client.database}`;
    // A server that goes away later must not crash the process: the next call reports it.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw postgresError(err, where);
    }
    return new PostgresConnection(client, where);
  }

  /**
   * Runs `work`; when the signal fires, sends a cancel request for this session and rejects at
   * once (the session's next statement waits for the cancelled one to end on the server).
   */
  private async guarded<T>(work: () => Promise<T>, options: QueryOptions = {}): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) throw interrupted();
    // After an interrupt the cancelled statement may still be ending: the next one waits for it.
    const running = this.previous.then(work).catch(async (err) => {
      // A failed statement inside BEGIN leaves the session refusing everything until ROLLBACK.
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw signal?.aborted ? interrupted() : postgresError(err, this.where);
    });
    this.previous = running.then(
      () => undefined,
      () => undefined,
    );
    return cancellable(running, signal, () => this.cancel());
  }

  /** PostgreSQL's cancel request: a fresh socket with this session's process id and secret key. */
  private cancel(): void {
    const { processID, secretKey, host, port } = this.client as pg.Client & { processID: number; secretKey: number };
    // pg's Connection speaks the protocol; its typings omit connect and cancel.
    const con = new pg.Connection() as unknown as CancelSocket;
    con.on('error', () => undefined);
    con.on('connect', () => con.cancel(processID, secretKey));
    con.connect(port, host);
  }

  query(sql: string, options?: QueryOptions): Promise<SqlRows> {
    return this.guarded(async () => {
      // A multi-statement text returns one result per statement: the last one has the rows.
      type ArrayResult = { fields: { name: string }[]; rows: unknown[][] };
      const result = (await this.client.query({ text: sql, rowMode: 'array' })) as ArrayResult | ArrayResult[];
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { names: last.fields.map((f) => f.name), rows: last.rows };
    }, options);
  }

  stream(sql: string, onBatch: (batch: SqlRows) => void | Promise<void>, options?: QueryOptions): Promise<void> {
    return this.guarded(async () => {
      await this.client.query('BEGIN');
      await this.client.query(`DECLARE "clv_stream" NO SCROLL CURSOR FOR ${sql}`);
      for (;;) {
        if (options?.signal?.aborted) throw interrupted();
        const batch = await this.client.query({ text: `FETCH ${STREAM_BATCH} FROM "clv_stream"`, rowMode: 'array' });
        if (batch.rows.length === 0) break;
        await onBatch({ names: batch.fields.map((f) => f.name), rows: batch.rows });
      }
      await this.client.query('COMMIT');
    }, options);
  }

  async execute(sql: string, options?: QueryOptions): Promise<void> {
    await this.guarded(() => this.client.query(sql), options);
  }

  async upload(name: string, columns: { name: string; type: 'number' | 'text' }[], rows: unknown[][]): Promise<void> {
    const d = this.dialect;
    const definition = columns.map(
      (c) => `${d.identifier(c.name)} ${c.type === 'number' ? 'double precision' : 'text'}`,
    );
    await this.execute(
      `DROP TABLE IF EXISTS pg_temp.${d.identifier(name)}; CREATE TEMP TABLE ${d.identifier(name)} (${definition.join(', ')})`,
    );
    // Rows go as one array parameter per column (unnest), a few thousand rows per statement.
    const types = columns.map((c) => (c.type === 'number' ? 'double precision[]' : 'text[]'));
    const select = types.map((t, i) => `$${i + 1}::${t}`).join(', ');
    for (let start = 0; start < rows.length; start += 50_000) {
      const chunk = rows.slice(start, start + 50_000);
      const values = columns.map((_, i) => chunk.map((row) => row[i] ?? null));
      await this.guarded(() =>
        this.client.query(`INSERT INTO ${d.identifier(name)} SELECT * FROM unnest(${select})`, values),
      );
    }
  }

  async columns(relation: SqlRelation, options?: QueryOptions): Promise<SqlColumn[]> {
    // A query with LIMIT 0 plans but reads nothing; its fields carry type ids, named by format_type.
    const probe = await this.guarded(
      () => this.client.query({ text: `SELECT * FROM ${fromItem(this.dialect, relation)} LIMIT 0`, rowMode: 'array' }),
      options,
    );
    const oids = [...new Set(probe.fields.map((f) => f.dataTypeID))];
    const names = await this.guarded(() =>
      this.client.query<{ oid: number; name: string }>(
        'SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1::oid[])',
        [oids],
      ),
    );
    const byOid = new Map(names.rows.map((r) => [r.oid, r.name]));
    return probe.fields.map((f) => {
      const nativeType = byOid.get(f.dataTypeID) ?? String(f.dataTypeID);
      return { name: f.name, nativeType, type: postgresColumnType(nativeType) };
    });
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
