// Messages quote what they were given, never all of it: a value is cut to a short prefix and
// a list of names to its first few, so a 2 MB header or a file of secrets (a source pointed at
// /proc/self/environ) cannot flood a terminal, a JSON result or a report.

/** Most characters of one value quoted in a message. */
export const MAX_QUOTED_CHARS = 60;
/** Most names listed in a message before "and N more". */
export const MAX_LISTED_NAMES = 20;

const count = (n: number) => n.toLocaleString('en-US');

/** The value's first MAX_QUOTED_CHARS characters, with "…" when cut. */
export function prefix(value: string, max = MAX_QUOTED_CHARS): string {
  if (value.length <= max) return value;
  // Never cut a surrogate pair in half.
  const cut = /[\uD800-\uDBFF]/.test(value[max - 1]) ? max - 1 : max;
  return `${value.slice(0, cut)}…`;
}

/** A value in double quotes (JSON escapes for control characters), cut to a prefix. */
export function quoted(value: string, max = MAX_QUOTED_CHARS): string {
  const cut = prefix(value, max);
  return cut === value
    ? JSON.stringify(value)
    : `${JSON.stringify(cut.slice(0, -1))}… (${count(value.length)} characters)`;
}

/** `a, b, c` — at most MAX_LISTED_NAMES names, each cut to a prefix, then "and 9,412 more". */
export function nameList(names: readonly string[], max = MAX_LISTED_NAMES): string {
  const shown = names.slice(0, max).map((n) => prefix(n, MAX_QUOTED_CHARS));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${count(rest)} more` : shown.join(', ');
}
