// Front matter: a `---` line at the very start of the file, up to the next `---` (or `...`)
// line. Kept verbatim for writing back; its top-level `key: value` lines are read into a
// flat map (a deliberately small subset of YAML: no nesting, lists or multi-line values).
// It may not contain a ```clv fence or a cell marker line.

import { splitLines } from './lines';
import { isCellBoundary, lineKind } from './lines-kinds';

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const ENTRY = /^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const KEY = /^[A-Za-z_][\w.-]*$/;
/**
 * A value that reads back as itself without quotes, here and in YAML readers (GitHub shows front
 * matter as a table): not `: ` (a nested mapping to YAML) nor ` #` (a comment).
 */
const PLAIN_VALUE = /^(?!.*(?:: | #))[^\s"'](?:.*[^\s])?$/;

/** The front matter at the start of `text` (after any BOM), exactly as written, or null. */
export function readFrontMatter(text: string): string | null {
  const lines = splitLines(text);
  if (!lines.length || !OPEN.test(lines[0].text) || !lines[0].eol) return null;
  let length = lines[0].text.length + lines[0].eol.length;
  for (const line of lines.slice(1)) {
    // A cell boundary first means this is Markdown, not front matter: so later cells can
    // never turn the first cell into front matter.
    if (isCellBoundary(lineKind(line.text))) return null;
    length += line.text.length + line.eol.length;
    if (CLOSE.test(line.text)) return text.slice(0, length);
  }
  return null;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value;
    }
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
    return value.slice(1, -1).replaceAll("''", "'");
  return value;
}

/** The `key: value` pairs of a front matter block (later keys win). */
export function frontMatterEntries(frontMatter: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of splitLines(frontMatter).slice(1, -1)) {
    const match = ENTRY.exec(line.text);
    // defineProperty, so that a `__proto__` key is an entry like any other.
    if (match)
      Object.defineProperty(entries, match[1], {
        value: unquote(match[2]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return entries;
}

/** New front matter for `metadata`; values that would not read back plainly are JSON-quoted. */
export function writeFrontMatter(metadata: Record<string, string>, eol: string): string {
  const lines = Object.entries(metadata).map(([key, value]) => {
    if (!KEY.test(key))
      throw new Error(
        `front matter key ${JSON.stringify(key)} is not a plain name (letters, digits, _ . -, not starting with a digit)`,
      );
    return `${key}: ${PLAIN_VALUE.test(value) ? value : JSON.stringify(value)}${eol}`;
  });
  return `---${eol}${lines.join('')}---${eol}`;
}

export function sameEntries(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
