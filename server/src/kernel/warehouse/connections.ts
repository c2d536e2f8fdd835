// Opening the notebook's connections: where the URL comes from (a database file, an
// environment variable, or a named secret), and one open connection per engine and location
// for the kernel's lifetime, closed when the kernel is. A URL is never put in a message, an
// output or the log: errors name the variable or the secret instead.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConnectionStatement } from '../../language';
import type { SqlConnection } from '../../data/engines/sql/connection';
import { openSqlConnection, type ConnectionLocation } from '../../data/engines/sql/registry';
import { SECRETS_FILE, secretVariable } from '../../data/engines/sql/secret-names';
import { EvaluationError } from '../evaluate/context';

/** The nearest `.clv/connections.json` at or above `dir`. */
function secretsFile(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const file = join(at, SECRETS_FILE);
    if (existsSync(file)) return file;
    if (dirname(at) === at) return undefined;
  }
}

function secretUrl(name: string, notebookDir: string, statement: ConnectionStatement): string {
  const fromClient = process.env[secretVariable(name)];
  if (fromClient) return fromClient;
  const file = secretsFile(notebookDir);
  let stored: unknown;
  try {
    stored = file ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[name] : undefined;
  } catch (err) {
    throw new EvaluationError(`${SECRETS_FILE} is not valid JSON: ${(err as Error).message}`, statement.target);
  }
  if (typeof stored === 'string' && stored) return stored;
  throw new EvaluationError(
    `No secret named "${name}": add it with the command "CLV: Add Connection…" in VS Code, or as "${name}": "URL" in ${SECRETS_FILE} (git-ignored) in the workspace.`,
    statement.target,
  );
}

/** Where a connection statement points, resolved against the notebook's folder and environment. */
export function connectionLocation(statement: ConnectionStatement, notebookDir: string): ConnectionLocation {
  // No database (DuckDB only, the checker makes sure): in memory, reading files beside the notebook.
  if (!statement.target) return { searchPath: notebookDir };
  const target = statement.target.value;
  if (!statement.via) return { file: resolve(notebookDir, target) };
  const url = statement.via.name === 'env' ? process.env[target] : secretUrl(target, notebookDir, statement);
  if (!url)
    throw new EvaluationError(
      `The environment variable ${target} is not set; set it to the connection's URL before starting VS Code or clvnb.`,
      statement.target,
    );
  // A DuckDB "URL" may be a plain path: relative to the notebook, like every path.
  if (statement.engine!.name === 'duckdb' && !/^[a-z]+:\/\//i.test(url)) return { file: resolve(notebookDir, url) };
  return { url };
}

/** The kernel's open connections, by engine and location. */
export class ConnectionPool {
  private readonly open = new Map<string, Promise<SqlConnection>>();

  get(engine: string, location: ConnectionLocation): Promise<SqlConnection> {
    const key = JSON.stringify([engine, location.file ?? location.url, location.writable === true]);
    let connection = this.open.get(key);
    if (!connection) {
      connection = openSqlConnection(engine, location);
      // A failed open is not kept: the next run tries again (the server may be up by then).
      connection.catch(() => this.open.delete(key));
      this.open.set(key, connection);
    }
    return connection;
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((c) => c.then((x) => x.close()).catch(() => undefined)));
  }
}
