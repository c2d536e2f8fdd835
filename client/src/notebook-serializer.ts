// VS Code's view of a `.clvnb` file: a thin wrapper over the notebook-file module. Cell
// layouts travel in cell metadata, so an unchanged file saves byte for byte and an edit
// rewrites only the edited cell's lines.
import * as vscode from 'vscode';
import {
  decodeNotebook,
  fromEditorNotebook,
  toEditorNotebook,
  type CellLayout,
  type EditorCell,
} from '../../server/src/notebook-file';

/**
 * Outputs are never written to the file. Cell layouts are transient, so the notebook diff
 * editor (Source Control → Open Changes) compares cells by their source alone: otherwise an
 * edited cell, and the cell before an appended one, showed as "metadata changed" with a JSON
 * dump of fences and blank lines. VS Code then leaves them out of what it hands to
 * serializeNotebook; the open notebook still has them (see `layoutsOf`).
 */
export const clvNotebookContentOptions: vscode.NotebookDocumentContentOptions = {
  transientOutputs: true,
  transientCellMetadata: { layout: true },
};

const encoder = new TextEncoder();

const toVscodeKind = (kind: EditorCell['kind']) =>
  kind === 'code' ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup;

/**
 * The cell layouts of the open notebook being saved: the one whose cells hold these values.
 * None for a notebook no editor has open (it is written with fresh layouts).
 */
function layoutsOf(cells: readonly vscode.NotebookCellData[]): (CellLayout | undefined)[] | undefined {
  const open = vscode.workspace.notebookDocuments.find(
    (nb) =>
      nb.notebookType === 'clv-notebook' &&
      nb.cellCount === cells.length &&
      cells.every((cell, i) => nb.cellAt(i).document.getText() === cell.value),
  );
  return open?.getCells().map((cell) => cell.metadata.layout as CellLayout | undefined);
}

export class ClvNotebookSerializer implements vscode.NotebookSerializer {
  /** Throws (the editor then shows the message and does not open the file) when it is not UTF-8. */
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const notebook = toEditorNotebook(decodeNotebook(content));
    const data = new vscode.NotebookData(
      notebook.cells.map((cell) => {
        const cellData = new vscode.NotebookCellData(toVscodeKind(cell.kind), cell.value, cell.languageId);
        cellData.metadata = cell.metadata;
        return cellData;
      }),
    );
    data.metadata = notebook.metadata;
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const layouts = layoutsOf(data.cells);
    const cells = data.cells.map((cell, i): EditorCell => ({
      kind: cell.kind === vscode.NotebookCellKind.Code ? 'code' : 'markup',
      value: cell.value,
      languageId: cell.languageId,
      metadata: { ...cell.metadata, layout: layouts?.[i] },
    }));
    return encoder.encode(fromEditorNotebook({ cells, metadata: data.metadata }));
  }
}
