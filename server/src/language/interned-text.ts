// Token texts repeat across a notebook's cells (`customer`, `clv`, `months`, `10%`): a small
// direct-mapped table of recent texts gives each one string instead of one per occurrence, so
// the trees a notebook keeps hold far fewer strings. Bounded: at most INTERNED_SLOTS strings of
// at most INTERNED_MAX_LENGTH characters stay alive through it.

const INTERNED_SLOTS = 4096;
const INTERNED_MAX_LENGTH = 32;
const internedTexts: (string | undefined)[] = new Array<string | undefined>(INTERNED_SLOTS).fill(undefined);

/** source[start, end) as a string, the same string as last time it was asked for (unless its slot was taken since). */
export function interned(source: string, start: number, end: number): string {
  // One-character strings are shared by V8 already.
  if (end - start < 2 || end - start > INTERNED_MAX_LENGTH) return source.slice(start, end);
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  const slot = (hash >>> 0) & (INTERNED_SLOTS - 1);
  const found = internedTexts[slot];
  if (found !== undefined && found.length === end - start && source.startsWith(found, start)) return found;
  const text = source.slice(start, end);
  internedTexts[slot] = text;
  return text;
}
