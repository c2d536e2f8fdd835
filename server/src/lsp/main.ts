// Entry point of the language server process (dist/server/main.mjs). The transport comes
// from the command line (`--stdio`, `--node-ipc`, `--socket=N`), as vscode-languageclient
// passes it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A bug must never take the editor's language features down: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) =>
  connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`),
);
startServer(connection);
