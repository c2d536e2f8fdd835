// Between the core's offsets-in-a-cell and LSP's line/character positions. The core's
// LineIndex counts lines by `\n` only; LSP also ends lines at `\r\n` and a lone `\r`, so
// positions are computed with the LSP text document's own rules, one index per cell text.
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Position,
  type Range as LspRange,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from '../language';

/** A cell's text (a CellResult is one). */
export interface CellText {
  text: string;
}

const indexes = new WeakMap<CellText, TextDocument>();

function lspLines(cell: CellText): TextDocument {
  let index = indexes.get(cell);
  if (!index) {
    index = TextDocument.create('', '', 0, cell.text);
    indexes.set(cell, index);
  }
  return index;
}

export function toLspPosition(cell: CellText, offset: number): Position {
  return lspLines(cell).positionAt(offset);
}

export function toOffset(cell: CellText, position: Position): number {
  return lspLines(cell).offsetAt(position);
}

export function toLspRange(cell: CellText, range: Range): LspRange {
  return { start: toLspPosition(cell, range.start), end: toLspPosition(cell, range.end) };
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export function toLspDiagnostic(cell: CellText, d: Diagnostic): LspDiagnostic {
  // `data` travels back with code action requests: it carries the did-you-mean replacement.
  return {
    range: toLspRange(cell, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'clv',
    message: d.message,
    data: d.data,
  };
}
