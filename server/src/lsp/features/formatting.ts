// Formatting with the language core's formatter, one cell at a time. Text with parse
// errors comes back unchanged from the core, so formatting never destroys a half-typed cell.
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { formatCell } from '../../language';
import { toLspPosition } from '../convert';
import type { Workspace } from '../workspace/workspace';
import { locate } from './locate';

export function formatDocument(workspace: Workspace, params: DocumentFormattingParams): TextEdit[] {
  const located = locate(workspace, params.textDocument.uri);
  if (!located) return [];
  const { cell } = located;
  const formatted = formatCell(cell.text);
  if (formatted === cell.text) return [];
  return [
    { range: { start: { line: 0, character: 0 }, end: toLspPosition(cell, cell.text.length) }, newText: formatted },
  ];
}
