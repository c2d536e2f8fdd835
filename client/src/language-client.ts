// Starts the language server (dist/server/main.mjs) in its own process over Node IPC. It
// checks notebook cells (through LSP notebook sync) and lone .clv files; it only reads, so it
// also runs in untrusted workspaces, but there it opens no connection to a database (it reads
// a warehouse table's columns only when `connections` is true: a trusted workspace). Its
// environment carries the stored connection URLs, as the kernel's does.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { NOTEBOOK_TYPE } from './notebook-type';

export function startLanguageClient(context: vscode.ExtensionContext, env: NodeJS.ProcessEnv): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'main.mjs').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { notebook: NOTEBOOK_TYPE, language: 'clv' },
      { scheme: 'file', language: 'clv' },
    ],
    // Data files change outside the editor; the server re-checks sources that read them.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,txt,json,parquet,arrow}') },
    initializationOptions: () => ({ connections: vscode.workspace.isTrusted }),
  };
  const client = new LanguageClient('clv', 'CLV Language Server', serverOptions, clientOptions);
  void client.start();
  return client;
}
