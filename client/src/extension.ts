// Entry point of the extension (dist/client/extension.cjs). Wires the pieces together: the
// notebook format, the language server, the kernel controller, the commands.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClvNotebookSerializer, clvNotebookContentOptions } from './notebook-serializer';
import { ClvController } from './controller';
import { Kernels } from './kernels';
import { startLanguageClient } from './language-client';
import { registerKernelCommands } from './commands/kernel-commands';
import { registerExportCommands } from './commands/export-commands';
import { registerNewNotebookCommand } from './commands/new-notebook';
import { runSuiteIfAsked } from './test-hook';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('CLV Kernel');
  const kernels = new Kernels(vscode.Uri.joinPath(context.extensionUri, 'dist', 'kernel', 'worker.mjs').fsPath, log);
  const controller = new ClvController(kernels);
  context.subscriptions.push(
    log,
    kernels,
    controller,
    vscode.workspace.registerNotebookSerializer('clv-notebook', new ClvNotebookSerializer(), clvNotebookContentOptions),
    ...registerKernelCommands(kernels, controller),
    ...registerExportCommands(kernels, context.extensionUri),
    registerNewNotebookCommand(context.extensionUri),
  );
  client = startLanguageClient(context);
  runSuiteIfAsked();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
