// Entry point of the language server in a web worker (dist/web/server.js): the same server
// as main.ts, over the worker's messages, for the extension's browser build (vscode.dev,
// github.dev). The build swaps in `*.browser.ts` siblings for the modules that need a disk.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { startServer } from './server';

// The worker's own scope posts and receives the messages; the project's DOM typings call it
// a Window, whose postMessage and message events are the ones the reader and writer use.
const scope = self as unknown as Worker;
const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(scope),
  new BrowserMessageWriter(scope),
);
// A bug must never take the editor's language features down: log it and keep serving.
self.addEventListener('error', (event: ErrorEvent) =>
  connection.console.error(`uncaught: ${String(event.error ?? event.message)}`),
);
self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) =>
  connection.console.error(`unhandled rejection: ${String(event.reason)}`),
);
startServer(connection);
