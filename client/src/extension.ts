// Entry point of the extension (dist/client/extension.cjs). Wires the pieces together: the
// notebook format, the language server, the kernel controller, the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClvNotebookSerializer, clvNotebookContentOptions } from './notebook-serializer';
import { NOTEBOOK_TYPE } from './notebook-type';
import { ClvController, type CellProgress } from './controller';
import { Kernels } from './kernels';
import type { startLanguageClient } from './language-client';
import { registerKernelCommands } from './commands/kernel-commands';
import { registerExportCommands } from './commands/export-commands';
import { registerNewNotebookCommand } from './commands/new-notebook';
import { registerCompareSegmentsCommand } from './commands/compare-segments';
import { registerTablePages } from './table-pages';
import { ConnectionSecrets, registerAddConnectionCommand } from './connections';
import { runSuiteIfAsked } from './test-hook';

let client: LanguageClient | undefined;
// Set when the bundle is loaded, so activationMs covers loading the bundle and activate().
const loadedAt = performance.now();

/**
 * What the extension returns to `getExtension(...).exports`: its activation cost, and the
 * kernel's progress as it arrives (the bench and the editor suite interrupt runs in a known phase).
 */
export interface ClvExtensionApi {
  activationMs: number;
  onDidProgress: vscode.Event<CellProgress>;
}

export function activate(context: vscode.ExtensionContext): ClvExtensionApi {
  const log = vscode.window.createOutputChannel('CLV Kernel');
  const connections = new ConnectionSecrets(context.secrets);
  const kernels = new Kernels(
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'kernel', 'worker.mjs').fsPath,
    log,
    connections,
  );
  const controller = new ClvController(kernels);
  context.subscriptions.push(
    log,
    kernels,
    controller,
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new ClvNotebookSerializer(), clvNotebookContentOptions),
    ...registerKernelCommands(kernels, controller),
    ...registerExportCommands(kernels, context.extensionUri),
    registerNewNotebookCommand(context.extensionUri),
    registerCompareSegmentsCommand(context.extensionUri),
    registerTablePages(kernels),
    connections,
    registerAddConnectionCommand(connections),
  );
  // vscode-languageclient is nine tenths of the extension's code, so it is a bundle of its own
  // (dist/client/language-client.cjs), loaded just after activation: opening a notebook and
  // registering the controller and commands do not wait for it.
  setImmediate(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded at run time
    const languageClient = require(path.join(__dirname, 'language-client.cjs')) as {
      startLanguageClient: typeof startLanguageClient;
    };
    // The server learns the stored URLs and whether it may connect when it starts: a new
    // connection, or a workspace becoming trusted, starts it again.
    const start = async () => {
      await connections.loaded;
      await client?.stop();
      client = languageClient.startLanguageClient(context, connections.env());
    };
    let starting = start();
    const restart = () => (starting = starting.then(start, start));
    context.subscriptions.push(connections.onDidChange(restart), vscode.workspace.onDidGrantWorkspaceTrust(restart));
  });
  runSuiteIfAsked();
  return { activationMs: performance.now() - loadedAt, onDidProgress: controller.onDidProgress };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
