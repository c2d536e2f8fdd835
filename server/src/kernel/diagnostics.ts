// Turning problems into what a cell shows: the cell's parse/check errors (a cell with errors
// is not run), an evaluation error at a place in the cell, or "not run because upstream X
// failed". Every message says where (1-based line:col inside the cell) and what.
import { LineIndex, type Diagnostic } from '../language';
import type { CellError, CellRange } from './api';
import type { OutputItem } from './output-types';

export function cellRange(text: string, range: { start: number; end: number }): CellRange {
  const lines = new LineIndex(text);
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

function lineCol(range: CellRange): string {
  return `${range.start.line + 1}:${range.start.character + 1}`;
}

export function errorOutput(error: CellError, name = 'Error'): OutputItem {
  return {
    data: { 'text/plain': error.message, 'application/vnd.code.notebook.error': { name, message: error.message } },
  };
}

/** The error a cell with parse/check errors reports instead of running. */
export function diagnosticsError(cellId: string, text: string, diagnostics: Diagnostic[]): CellError {
  const ranged = diagnostics.map((d) => ({ d, range: cellRange(text, d.range) }));
  const lines = ranged.map(({ d, range }) => `  ${lineCol(range)}  ${d.message}`);
  const count = diagnostics.length === 1 ? '1 error' : `${diagnostics.length} errors`;
  return { message: `Not run: this cell has ${count}:\n${lines.join('\n')}`, cellId, range: ranged[0]?.range };
}

/** An error raised while running a statement, placed at `range` (or the statement) in the cell. */
export function evaluationError(
  cellId: string,
  text: string,
  message: string,
  range: { start: number; end: number },
): CellError {
  const r = cellRange(text, range);
  return { message: `${lineCol(r)}  ${message}`, cellId, range: r };
}
