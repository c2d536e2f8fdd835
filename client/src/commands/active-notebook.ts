// The notebook a command acts on: the active CLV notebook editor, or a message saying so.
import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../notebook-type';

export function activeClvNotebook(): vscode.NotebookDocument | undefined {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  if (notebook?.notebookType === NOTEBOOK_TYPE) return notebook;
  void vscode.window.showWarningMessage('Open a CLV notebook (.clvnb) first.');
  return undefined;
}

/** Exports read data and write files: refused until the workspace is trusted. */
export function trustedOrExplain(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(
    `${what} is disabled in an untrusted workspace: it runs the notebook, which reads the data files it names and writes files. Trust the workspace to use it.`,
  );
  return false;
}

/**
 * Commands that hand the notebook to `clvnb` read the file on disk, so unsaved edits are saved
 * first. Right after a notebook opens the workbench can refuse a save (save() resolves false)
 * and take it a moment later, so a refusal is retried for up to two seconds; one that lasts
 * (e.g. a conflict with a change on disk) would quietly use the old file, so say so and stop.
 */
export async function savedForReading(notebook: vscode.NotebookDocument, what: string): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (!notebook.isDirty || (await notebook.save())) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  void vscode.window.showErrorMessage(
    `${what} reads the saved file, and ${vscode.workspace.asRelativePath(notebook.uri)} could not be saved: save it, then try again.`,
  );
  return false;
}
