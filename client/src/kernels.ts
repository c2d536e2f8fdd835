// One kernel process per open notebook: each notebook resolves its data paths against its
// own folder and keeps its own cached results. Processes start on the first run and end
// when the notebook closes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KernelProcess } from './kernel-process';

export class Kernels implements vscode.Disposable {
  private readonly byNotebook = new Map<string, KernelProcess>();
  private readonly closeListener: vscode.Disposable;

  constructor(
    private readonly workerPath: string,
    readonly log: vscode.OutputChannel,
  ) {
    this.closeListener = vscode.workspace.onDidCloseNotebookDocument((nb) => this.drop(nb.uri));
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
      });
      this.byNotebook.set(key, kernel);
    }
    return kernel;
  }

  /** The notebook's kernel if one has been started (asking never starts one). */
  running(notebook: vscode.NotebookDocument): KernelProcess | undefined {
    return this.byNotebook.get(notebook.uri.toString());
  }

  private drop(uri: vscode.Uri) {
    const key = uri.toString();
    this.byNotebook.get(key)?.dispose();
    this.byNotebook.delete(key);
  }

  dispose() {
    this.closeListener.dispose();
    for (const kernel of this.byNotebook.values()) kernel.dispose();
    this.byNotebook.clear();
  }
}
