// A warehouse table's (or query's) columns for the editor, from the engine's catalog: the
// connection's `columns` (DuckDB's DESCRIBE, PostgreSQL's and ClickHouse's LIMIT 0 result
// types), which plans the relation but reads no row. A connection is opened for the read and
// closed after it, so the editor never holds a DuckDB file's lock or a session the kernel may
// need. Where the URL comes from is the kernel's own rule (kernel/warehouse/connections.ts).
// Messages never carry the URL: the engines' errors do not, and any text of it is cut out here.
import type { ConnectionStatement, Definition, Identifier, SourceStatement } from '../../language';
import type { SqlConnection, SqlRelation } from '../../data/engines/sql/connection';
import { openSqlConnection, type ConnectionLocation } from '../../data/engines/sql/registry';
import type { SqlColumnType } from '../../data/engines/sql/dialect';
import type { InferredType } from '../../data';
import { connectionLocation } from '../../kernel/warehouse/connections';
import type { FileSchema } from './columns';
import { CHECKER_TYPE } from './read-schema';
import { describeTimeout } from './read-timeout';

/** What the editor needs to read a source's columns; the URL is resolved only when reading. */
export interface CatalogSpec {
  /** The notebook's folder: database files, `.clv/connections.json` and DuckDB's file paths are relative to it. */
  folder: string;
  /** The connection statement's words: its engine, `env`/`secret` or nothing, and its string. */
  connection: { engine: string; via?: string; target?: string };
  relation: SqlRelation;
}

/** The catalog spec of a `table`/`query` source, or undefined while its connection is not written yet. */
export function catalogSpec(
  source: SourceStatement,
  lookup: (name: string) => Definition | undefined,
  folder: string,
): CatalogSpec | undefined {
  if (!source.connection || !source.path || !source.format) return undefined;
  const connection = lookup(source.connection.name);
  if (connection?.kind !== 'Connection' || !connection.engine) return undefined;
  const relation: SqlRelation =
    source.format.name === 'table'
      ? { kind: 'table', name: source.path.value }
      : { kind: 'query', sql: source.path.value };
  // Only the words the location depends on (not the statement's offsets): the key of the cache.
  const { engine, via, target } = connection;
  return { folder, connection: { engine: engine.name, via: via?.name, target: target?.value }, relation };
}

const INFERRED: Record<SqlColumnType, InferredType> = {
  integer: 'integer',
  number: 'number',
  date: 'date',
  timestamp: 'date',
  text: 'string',
  boolean: 'string',
  other: 'empty',
};

/** The parts of a connection statement `connectionLocation` reads, rebuilt from the cache's key. */
function statementOf(connection: CatalogSpec['connection']): ConnectionStatement {
  const word = (name: string): Identifier => ({ kind: 'Identifier', name, start: 0, end: 0 });
  return {
    kind: 'Connection',
    name: null,
    engine: word(connection.engine),
    via: connection.via === undefined ? null : word(connection.via),
    target:
      connection.target === undefined ? null : { kind: 'String', value: connection.target, raw: '', start: 0, end: 0 },
    start: 0,
    end: 0,
  };
}

/** `text` with every spelling of the URL and its password cut out. */
function withoutUrl(text: string, location: ConnectionLocation | undefined): string {
  const url = location?.url;
  if (!url) return text;
  const secrets = [url];
  try {
    const password = new URL(url).password;
    if (password) secrets.push(password, decodeURIComponent(password));
  } catch {
    // not a URL the WHATWG parser reads: the whole text is cut out still
  }
  return secrets.reduce((t, s) => (s ? t.split(s).join('…') : t), text);
}

/** Reads the columns; never rejects: a failure or no answer within `timeoutMs` is the source's warning. */
export async function readCatalog(spec: CatalogSpec, timeoutMs: number): Promise<FileSchema> {
  const abort = new AbortController();
  let location: ConnectionLocation | undefined;
  let opening: Promise<SqlConnection> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<FileSchema>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve({ kind: 'timeout', reason: `the server did not answer within ${describeTimeout(timeoutMs)}` });
    }, timeoutMs);
  });
  const reading = (async (): Promise<FileSchema> => {
    location = connectionLocation(statementOf(spec.connection), spec.folder);
    opening = openSqlConnection(spec.connection.engine, location);
    const connection = await opening;
    const columns = await connection.columns(spec.relation, { signal: abort.signal });
    return {
      kind: 'columns',
      columns: columns.map((c) => ({
        name: c.name,
        type: CHECKER_TYPE[INFERRED[c.type]],
        inferred: INFERRED[c.type],
        nativeType: c.nativeType,
        samples: [],
      })),
    };
  })().catch((error: unknown) => ({
    kind: 'unreadable' as const,
    reason: withoutUrl((error as Error).message ?? String(error), location),
  }));
  try {
    return await Promise.race([reading, timedOut]);
  } finally {
    clearTimeout(timer);
    // Closed whenever the open ends, also after a timeout (the open may still succeed later).
    opening?.then((c) => c.close()).catch(() => undefined);
  }
}
