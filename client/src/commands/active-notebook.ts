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
