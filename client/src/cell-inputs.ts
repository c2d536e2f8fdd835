// What the kernel sees of a notebook: its code cells, keyed by the cell document's URI
// (stable while the notebook is open, and the same key the language server uses).
import * as vscode from 'vscode';
import type { CellInput } from '../../server/src/kernel/api';

export const cellId = (cell: vscode.NotebookCell): string => cell.document.uri.toString();

export function codeCells(notebook: vscode.NotebookDocument): vscode.NotebookCell[] {
  return notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'clv');
}

export function cellInputs(notebook: vscode.NotebookDocument): CellInput[] {
  return codeCells(notebook).map((cell) => ({ id: cellId(cell), text: cell.document.getText() }));
}
