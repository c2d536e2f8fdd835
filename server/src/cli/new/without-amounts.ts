// `clvnb new --no-amount`: the sample's steps that need spend amounts (a spend model, a value
// on it, `monetary` in a segment rule...) cannot run on a file without them, so they are left
// out, together with everything that reads what they define. The checker decides which steps
// those are (one place knows what needs amounts): each round checks the cells and leaves out
// every statement with an error that a missing amount, or a step already left out, causes,
// until none is left. The caller lists what went, so nothing goes unsaid.
import { checkProgram, type Statement } from '../../language';

/** Errors that the missing amount causes, directly or through a step left out before. */
const CAUSED_BY_MISSING_AMOUNT = new Set([
  'missing-amount', // a spend model
  'missing-spend-model', // a value without its spend model
  'metric-unavailable', // `monetary`, or a metric whose value or segments went
  'unknown-name', // a reference to a definition that went
]);

export interface LeftOut {
  cellIndex: number;
  /** The statement's first line, without an opening brace (`value clv = lifetime_value(purchases, spend)`). */
  summary: string;
}

/** The text from a statement's start to the end of its last line, when nothing else is on that line. */
function extent(text: string, statement: Statement): { start: number; end: number } {
  const rest = /^[ \t]*(#[^\n]*)?\r?\n?/.exec(text.slice(statement.end))![0];
  return { start: statement.start, end: statement.end + rest.length };
}

const summaryOf = (text: string, statement: Statement) =>
  text
    .slice(statement.start, statement.end)
    .split('\n')[0]
    .replace(/\s*\{\s*$/, '')
    .trim();

/**
 * The cells (texts index-aligned with the notebook, null for other cells) without the
 * statements that need amounts; a cell whose statements all went is the empty string.
 */
export function withoutAmountSteps(cellTexts: (string | null)[]): { texts: (string | null)[]; leftOut: LeftOut[] } {
  const texts = [...cellTexts];
  const leftOut: LeftOut[] = [];
  for (;;) {
    const ids = texts.flatMap((text, i) => (text === null ? [] : [{ id: String(i), text }]));
    const program = checkProgram(ids);
    let changed = false;
    for (const cell of program.cells) {
      const i = Number(cell.id);
      const caused = cell.diagnostics.filter((d) => d.severity === 'error' && CAUSED_BY_MISSING_AMOUNT.has(d.code));
      const going = cell.parse.statements.filter((s) =>
        caused.some((d) => d.range.start >= s.start && d.range.start < s.end),
      );
      if (!going.length) continue;
      leftOut.push(...going.map((s) => ({ cellIndex: i, summary: summaryOf(cell.text, s) })));
      let text = cell.text;
      for (const s of [...going].reverse()) {
        const { start, end } = extent(text, s);
        text = text.slice(0, start) + text.slice(end);
      }
      texts[i] = text.trim() ? text : '';
      changed = true;
    }
    if (!changed) {
      // In notebook order (later rounds find statements above earlier ones).
      const at = (s: LeftOut) => cellTexts[s.cellIndex]!.indexOf(s.summary);
      return { texts, leftOut: leftOut.sort((a, b) => a.cellIndex - b.cellIndex || at(a) - at(b)) };
    }
  }
}
