// One kernel process per open notebook: each notebook resolves its data paths against its
// own folder and keeps its own cached results. A process starts when its notebook opens (in
// a trusted workspace), so the first run does not wait for Node to start and load the
// kernel, and ends when the notebook closes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KernelProcess } from '../../server/src/kernel/kernel-process';
import type { ConnectionSecrets } from './connections';
import { NOTEBOOK_TYPE } from './notebook-type';

export class Kernels implements vscode.Disposable {
  private readonly byNotebook = new Map<string, KernelProcess>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly workerPath: string,
    readonly log: vscode.OutputChannel,
    /** Each kernel process's environment: the stored connection URLs, once they are read. */
    private readonly connections: Pick<ConnectionSecrets, 'loaded' | 'env'>,
  ) {
    this.listeners = [
      vscode.workspace.onDidCloseNotebookDocument((nb) => this.drop(nb.uri)),
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.warm(nb)),
      vscode.workspace.onDidGrantWorkspaceTrust(() =>
        vscode.workspace.notebookDocuments.forEach((nb) => this.warm(nb)),
      ),
    ];
    vscode.workspace.notebookDocuments.forEach((nb) => this.warm(nb));
  }

  for(notebook: vscode.NotebookDocument): KernelProcess {
    const key = notebook.uri.toString();
    let kernel = this.byNotebook.get(key);
    if (!kernel) {
      const name = path.basename(notebook.uri.fsPath);
      kernel = new KernelProcess({
        workerPath: this.workerPath,
        notebookDir: path.dirname(notebook.uri.fsPath),
        log: (message) => this.log.appendLine(`[${name}] ${message}`),
        env: () => this.connections.env(),
      });
      this.byNotebook.set(key, kernel);
    }
    return kernel;
  }

  /** The notebook's kernel if one has been started (asking never starts one). */
  running(notebook: vscode.NotebookDocument): KernelProcess | undefined {
    return this.byNotebook.get(notebook.uri.toString());
  }

  /** Starts a CLV notebook's kernel ahead of its first run; never in an untrusted workspace. */
  private warm(notebook: vscode.NotebookDocument) {
    if (notebook.notebookType !== NOTEBOOK_TYPE || notebook.uri.scheme !== 'file' || !vscode.workspace.isTrusted)
      return;
    // Started once the stored connection URLs are read, so the process has them in its environment.
    this.connections.loaded
      .then(() => this.for(notebook).start())
      .catch((err: Error) => this.log.appendLine(`kernel did not start: ${err.message}`));
  }

  private drop(uri: vscode.Uri) {
    const key = uri.toString();
    void this.byNotebook.get(key)?.dispose();
    this.byNotebook.delete(key);
  }

  dispose() {
    for (const l of this.listeners) l.dispose();
    for (const kernel of this.byNotebook.values()) void kernel.dispose();
    this.byNotebook.clear();
  }
}
