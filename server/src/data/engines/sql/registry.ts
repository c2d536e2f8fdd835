// Which SqlConnection serves which engine word of a `connection` statement. Each engine's
// module registers itself here (DuckDB below; PostgreSQL and ClickHouse in their own files),
// so the kernel opens connections without importing any driver.
import { DataError } from '../../errors';
import type { SqlConnection } from './connection';
import { DuckDbConnection } from './duckdb-connection';

/**
 * Where to connect: `url` from an environment variable or a secret (never shown, never logged),
 * or `file` for an engine that opens a database file. `writable` only for a write-back.
 */
export interface ConnectionLocation {
  url?: string;
  file?: string;
  writable?: boolean;
  /** For an in-memory DuckDB: the folder relative file names in queries are read from. */
  searchPath?: string;
}

export type ConnectionOpener = (location: ConnectionLocation) => Promise<SqlConnection>;

const openers = new Map<string, ConnectionOpener>();

export function registerSqlEngine(engine: string, open: ConnectionOpener): void {
  openers.set(engine, open);
}

export async function openSqlConnection(engine: string, location: ConnectionLocation): Promise<SqlConnection> {
  const open = openers.get(engine);
  if (!open) throw new DataError(`No ${engine} engine is available in this build.`);
  return open(location);
}

/** A duckdb:// URL or a file: the database file; nothing at all: an in-memory database. */
registerSqlEngine('duckdb', (location) => {
  const path = location.file ?? location.url?.replace(/^duckdb:\/\//, '');
  return DuckDbConnection.open({
    path: path || undefined,
    writable: location.writable,
    searchPath: location.searchPath,
  });
});

/** A server engine's URL: from an environment variable or a secret, never from the notebook. */
function serverUrl(engine: string, location: ConnectionLocation): string {
  if (!location.url) throw new DataError(`A ${engine} connection needs a URL (env "VARIABLE" or secret "NAME").`);
  return location.url;
}

// Loaded with their drivers on first use, like DuckDB: a notebook on files never loads them.
registerSqlEngine('postgres', async (location) =>
  (await import('./postgres-connection')).PostgresConnection.open(serverUrl('PostgreSQL', location)),
);
registerSqlEngine('clickhouse', async (location) =>
  (await import('./clickhouse-connection')).ClickHouseConnection.open(serverUrl('ClickHouse', location)),
);
