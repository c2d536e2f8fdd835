// The server must never crash or stop answering on any input: every handler runs inside
// `safe`, which logs an internal error to the client's console and answers with an empty
// result instead. Expected refusals (ResponseError, e.g. "cannot rename here") pass through.
// A handler may answer later (a completion waiting for a table's columns): its promise is guarded alike.
import { ResponseError, type Connection } from 'vscode-languageserver';

export function safe<P, R>(
  connection: Connection,
  name: string,
  empty: Awaited<R>,
  handler: (params: P) => R,
): (params: P) => R {
  const failed = (error: unknown): Awaited<R> => {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
    return empty;
  };
  return (params) => {
    try {
      const result = handler(params);
      return (result instanceof Promise ? result.catch(failed) : result) as R;
    } catch (error) {
      return failed(error);
    }
  };
}
