// The Markdown notebook format (docs/notebook-format.md). No `vscode` imports: the language
// server and the command line use it too.
export { parseNotebook } from './parse';
export { serializeNotebook } from './serialize';
export { notebookFromCells } from './from-cells';
export type { CellData, CellKind, CellLayout, FenceLayout, FileLayout, NotebookCell, NotebookFile } from './types';
export { fromEditorNotebook, toEditorNotebook, type EditorCell, type EditorNotebook } from './editor-cells';
export { decodeNotebook, NotebookEncodingError } from './decode';
