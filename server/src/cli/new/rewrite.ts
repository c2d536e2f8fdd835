// Edits to the sample's cell texts, each at a range the language core's tree gives, so the
// rest of the cell (comments, other statements) is untouched; the caller formats the cell.
import { parseCell, type Statement } from '../../language';

export interface LocatedStatement {
  cellIndex: number;
  statement: Statement;
}

/** Every statement of the clv cells (cell texts index-aligned with the notebook, null for other cells). */
export function statementsOf(cellTexts: (string | null)[]): LocatedStatement[] {
  return cellTexts.flatMap((text, cellIndex) =>
    text === null ? [] : parseCell(text).statements.map((statement) => ({ cellIndex, statement })),
  );
}

export interface TextEdit {
  cellIndex: number;
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits to the cells they name. */
export function applyEdits(cellTexts: (string | null)[], edits: TextEdit[]): (string | null)[] {
  const out = [...cellTexts];
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const text = out[edit.cellIndex]!;
    out[edit.cellIndex] = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  return out;
}
