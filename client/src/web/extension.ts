// Entry point of the extension in a browser (package.json `browser`, dist/web/extension.cjs),
// for vscode.dev and github.dev: `.clvnb` files open as notebooks through the same serializer,
// and the same language server runs in a web worker (dist/web/server.js) for diagnostics,
// completion, hover, navigation, rename, outline, formatting and quick fixes. Cells do not run
// here (see browser-kernels.ts); the commands that need a disk or `clvnb` are hidden
// (`!isWeb` in package.json).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { ClvController } from '../controller';
import { ClvNotebookSerializer, clvNotebookContentOptions } from '../notebook-serializer';
import { BrowserKernels } from './browser-kernels';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const kernels = new BrowserKernels();
  context.subscriptions.push(
    kernels,
    new ClvController(kernels, 'Cells run in VS Code on the desktop, not in the browser'),
    vscode.workspace.registerNotebookSerializer('clv-notebook', new ClvNotebookSerializer(), clvNotebookContentOptions),
  );
  const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  client = new LanguageClient('clv', 'CLV Language Server', new Worker(server.toString(true)), {
    documentSelector: [{ notebook: 'clv-notebook', language: 'clv' }, { language: 'clv' }],
  });
  void client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
