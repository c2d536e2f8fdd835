// Comma-separated lists in the tree (`columns a, b, c`, `by clv, p_alive`, call arguments),
// kept without spare capacity (see trimmed.ts).
import { trimmed } from '../trimmed';
import type { Cursor } from './cursor';

/**
 * `a, b, c` at the cursor: `parseOne(count)` parses one element (count = elements before it)
 * or reports and returns null, which ends the list with `complete` false.
 */
export function commaSeparated<T>(p: Cursor, parseOne: (count: number) => T | null): { items: T[]; complete: boolean } {
  const items: T[] = [];
  do {
    const item = parseOne(items.length);
    if (item === null) return { items: trimmed(items), complete: false };
    items.push(item);
  } while (p.eat('Comma'));
  return { items: trimmed(items), complete: true };
}
