// Where a statement begins. Used to recover from a missing `}`: a line that starts with a
// statement keyword followed by a name is surely the next statement, not a block item.
import { STATEMENT_KEYWORDS } from '../catalog/keywords';
import type { Cursor } from './cursor';

export const STATEMENT_WORDS: ReadonlySet<string> = new Set(STATEMENT_KEYWORDS);

export function atStatementStart(p: Cursor): boolean {
  return p.at('Ident') && p.atLineStart() && p.peekKind() === 'Ident' && STATEMENT_WORDS.has(p.token.text);
}
