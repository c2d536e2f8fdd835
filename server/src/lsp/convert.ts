// Between the core's offsets-in-a-cell and LSP's line/character positions.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range as LspRange } from 'vscode-languageserver/node';
import type { Diagnostic, LineIndex, Range } from '../language';

/** A cell's text with the core's line index of it. */
export interface CellText {
  text: string;
  lines: LineIndex;
}

/**
 * The core counts lines by `\n` only; LSP also ends a line at `\r\n`, so an offset between
 * `\r` and `\n` (the end of a token running to the line's end) would be one character past
 * the line for the client. It is moved back onto the line's end.
 */
export function toLspPosition(cell: CellText, offset: number): Position {
  const position = cell.lines.positionAt(offset);
  if (position.character > 0 && cell.text.charCodeAt(offset) === 10 && cell.text.charCodeAt(offset - 1) === 13) position.character--;
  return position;
}

export function toLspRange(cell: CellText, range: Range): LspRange {
  return { start: toLspPosition(cell, range.start), end: toLspPosition(cell, range.end) };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(cell: CellText, d: Diagnostic): LspDiagnostic {
  // `data` travels back with code action requests: it carries the did-you-mean replacement.
  return { range: toLspRange(cell, d.range), severity: SEVERITY[d.severity], code: d.code, source: 'clv', message: d.message, data: d.data };
}
