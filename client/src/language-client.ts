// Starts the language server (dist/server/main.mjs) in its own process over Node IPC. It
// checks notebook cells (through LSP notebook sync) and lone .clv files; it only reads, so it
// also runs in untrusted workspaces.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { NOTEBOOK_TYPE } from './notebook-type';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'main.mjs').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { notebook: NOTEBOOK_TYPE, language: 'clv' },
      { scheme: 'file', language: 'clv' },
    ],
    // Data files change outside the editor; the server re-checks sources that read them.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,txt,json,parquet,arrow}') },
  };
  const client = new LanguageClient('clv', 'CLV Language Server', serverOptions, clientOptions);
  void client.start();
  return client;
}
