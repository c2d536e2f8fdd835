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
 * first. The editor can refuse a save (save() resolves false, e.g. a conflict with a change on
 * disk); going on would quietly use the old file, so say so and stop.
 */
export async function savedForReading(notebook: vscode.NotebookDocument, what: string): Promise<boolean> {
  if (!notebook.isDirty || (await notebook.save())) return true;
  void vscode.window.showErrorMessage(
    `${what} reads the saved file, and ${vscode.workspace.asRelativePath(notebook.uri)} could not be saved: save it, then try again.`,
  );
  return false;
}
