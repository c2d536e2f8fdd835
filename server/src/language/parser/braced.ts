// The shared shape of `{ ... }` bodies (option blocks and segment rules): lines of items up to
// the `}`. A missing `}` is reported at the `{` and the body ends where the next statement
// begins, so the rest of the cell is still parsed as statements.
import type { Range } from '../ast';
import type { Cursor } from './cursor';
import { trimmed } from '../trimmed';
import { atStatementStart } from './statement-start';

export interface Braced<T> {
  items: T[];
  open: Range;
  closed: boolean;
}

/**
 * Parses `{ items }` at the cursor (which is at `{`). After an item the line must end,
 * unless `continues(item)` allows another item on the same line.
 */
export function parseBraced<T>(
  p: Cursor,
  parseItem: (p: Cursor) => T | null,
  what: string,
  continues: (item: T | null) => boolean = () => false,
): Braced<T> {
  const open = p.bump().range;
  const items: T[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at('RBrace')) {
      p.bump();
      return { items: trimmed(items), open, closed: true };
    }
    if (p.at('EOF') || atStatementStart(p)) {
      p.error(open, 'unclosed-block', 'this `{` has no matching `}`');
      return { items: trimmed(items), open, closed: false };
    }
    const item = parseItem(p);
    if (item) items.push(item);
    if (!p.atLineEnd() && !p.at('RBrace') && !continues(item)) {
      p.errorExpected(`a new line or \`}\` after the ${what}`);
      p.skipLine('RBrace');
    }
  }
}
