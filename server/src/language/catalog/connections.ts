// Connection engines and where a connection's URL comes from. A notebook never holds a
// credential: a DuckDB connection names a database file, the others name an environment
// variable (`env`) or a secret (`secret`) kept outside the notebook.

export interface EngineInfo {
  name: string;
  description: string;
  /** Whether the connection may name a database file directly (no credentials involved), or none (in memory). */
  file: boolean;
}

export const CONNECTION_ENGINES: readonly EngineInfo[] = [
  { name: 'duckdb', file: true, description: 'DuckDB, embedded: a database file, or local CSV/Parquet files.' },
  { name: 'postgres', file: false, description: 'PostgreSQL, through a postgres:// URL.' },
  { name: 'clickhouse', file: false, description: 'ClickHouse (also a distributed cluster), through an http:// URL.' },
];

export interface UrlSourceInfo {
  name: string;
  /** What the string after the word names, in messages: "the variable's name". */
  names: string;
  description: string;
}

/** The words before a connection's string: where its URL is read from. */
export const CONNECTION_URL_SOURCES: readonly UrlSourceInfo[] = [
  {
    name: 'env',
    names: 'variable',
    description: 'The URL is in this environment variable of the kernel (or `clvnb`) process.',
  },
  {
    name: 'secret',
    names: 'secret',
    description:
      "The URL is stored under this name: in VS Code's secret storage (command CLV: Add Connection…), or in the workspace's git-ignored .clv/connections.json.",
  },
];

/** Source formats that read through a connection (`from NAME`) rather than from a file. */
export const CONNECTION_FORMATS: readonly { name: string; description: string }[] = [
  { name: 'table', description: 'A table (or view) of a connection, by name: `table "sales.orders" from shop`.' },
  { name: 'query', description: 'The rows of a SELECT run by a connection: `query "SELECT ..." from shop`.' },
];

export function urlSourceInfo(name: string): UrlSourceInfo | undefined {
  return CONNECTION_URL_SOURCES.find((u) => u.name === name);
}

export function engineInfo(name: string): EngineInfo | undefined {
  return CONNECTION_ENGINES.find((e) => e.name === name);
}

export function isConnectionFormat(format: string): boolean {
  return CONNECTION_FORMATS.some((f) => f.name === format);
}
