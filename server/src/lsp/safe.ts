// The server must never crash or stop answering on any input: every handler runs inside
// `safe`, which logs an internal error to the client's console and answers with an empty
// result instead. Expected refusals (ResponseError, e.g. "cannot rename here") pass through.
import { ResponseError, type Connection } from 'vscode-languageserver';

export function safe<P, R>(
  connection: Connection,
  name: string,
  empty: R,
  handler: (params: P) => R,
): (params: P) => R {
  return (params) => {
    try {
      return handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      return empty;
    }
  };
}
