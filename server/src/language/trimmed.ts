// A syntax tree and the checker's per-cell results keep thousands of small lists alive for as
// long as a notebook is open. An array grown by `push` keeps spare capacity (V8 grows it to
// 1.5 × length + 16 slots), so a list that is kept is trimmed to its length once complete.

/** `list` without spare capacity (the same array when empty: an empty array holds no storage). */
export function trimmed<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
