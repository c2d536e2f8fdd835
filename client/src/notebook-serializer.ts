// VS Code's view of a `.clvnb` file: a thin wrapper over the notebook-file module. Cell
// layouts travel in cell metadata, so an unchanged file saves byte for byte and an edit
// rewrites only the edited cell's lines.
import * as vscode from 'vscode';
import { decodeNotebook, fromEditorNotebook, toEditorNotebook, type EditorCell } from '../../server/src/notebook-file';

/**
 * Outputs are never written to the file. The layout metadata is deliberately not transient:
 * VS Code leaves transient metadata out of what it hands to serializeNotebook.
 */
export const clvNotebookContentOptions: vscode.NotebookDocumentContentOptions = { transientOutputs: true };

const encoder = new TextEncoder();

const toVscodeKind = (kind: EditorCell['kind']) =>
  kind === 'code' ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup;

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
    const cells = data.cells.map((cell): EditorCell => ({
      kind: cell.kind === vscode.NotebookCellKind.Code ? 'code' : 'markup',
      value: cell.value,
      languageId: cell.languageId,
      metadata: cell.metadata,
    }));
    return encoder.encode(fromEditorNotebook({ cells, metadata: data.metadata }));
  }
}
