// The notebook as an editor holds it: cell values plus per-cell metadata. The layouts ride
// along in metadata between open and save, which makes saving byte-identical without the
// serializer keeping any state. VS Code's client wraps this in vscode.NotebookData.

import { parseNotebook } from './parse';
import { serializeNotebook } from './serialize';
import type { CellKind, CellLayout, FileLayout, NotebookCell } from './types';

export interface EditorCell {
  kind: CellKind;
  value: string;
  languageId: string;
  metadata?: { layout?: CellLayout; [key: string]: unknown };
}

export interface EditorNotebook {
  cells: EditorCell[];
  metadata?: { frontMatter?: Record<string, string>; layout?: FileLayout; [key: string]: unknown };
}

const sameLines = (a: string, b: string) => a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');

/**
 * The cell's source. An editor gives each cell one line-break style, so a cell read with
 * mixed breaks comes back different only in its breaks: that is still the cell as read.
 */
function sourceOf(cell: EditorCell): string {
  const read = cell.metadata?.layout?.source;
  return read !== undefined && read !== cell.value && sameLines(read, cell.value) ? read : cell.value;
}

export function toEditorNotebook(text: string): EditorNotebook {
  const file = parseNotebook(text);
  return {
    cells: file.cells.map((cell) => ({
      kind: cell.kind,
      value: cell.source,
      languageId: cell.language,
      metadata: { layout: cell.layout },
    })),
    metadata: { frontMatter: file.metadata, layout: file.layout },
  };
}

export function fromEditorNotebook(notebook: EditorNotebook): string {
  const cells = notebook.cells.map((cell): NotebookCell => {
    const layout = cell.metadata?.layout;
    const base = { kind: cell.kind, language: cell.languageId, source: sourceOf(cell) };
    return layout ? { ...base, layout } : base;
  });
  const layout = notebook.metadata?.layout;
  return serializeNotebook({ cells, metadata: notebook.metadata?.frontMatter ?? {}, ...(layout ? { layout } : {}) });
}
