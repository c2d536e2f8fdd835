// Lines with their own line breaks, so that mixed CRLF/LF/CR files survive a round trip.
// A lone CR counts as a line break, as in CommonMark.

export interface Line {
  text: string;
  /** '\n', '\r\n', '\r', or '' for a last line without a break. */
  eol: string;
}

const BREAK = /\r\n|\r|\n/g;

/** Lines of `text`; a final line break does not start another (empty) line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(BREAK)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export const joinLines = (lines: Line[]) => lines.map((l) => l.text + l.eol).join('');

export const isBlank = (text: string) => /^[ \t]*$/.test(text);

export const isBlankText = (text: string) => /^[ \t\r\n]*$/.test(text);

export function firstLineBreak(text: string): string | undefined {
  return /\r\n|\r|\n/.exec(text)?.[0];
}

/**
 * The line break to write after `source` so that reading the line back ends exactly where
 * `source` does: `\n` after a trailing lone CR would merge with it into one CRLF break.
 */
export function breakAfter(source: string, eol: string): string {
  return eol === '\n' && source.endsWith('\r') ? '\r\n' : eol;
}

/** The text of `lines` without its last line break, and that break ('' if none). */
export function withoutLastBreak(lines: Line[]): { source: string; bodyEnd: string } {
  if (!lines.length) return { source: '', bodyEnd: '' };
  const bodyEnd = lines[lines.length - 1].eol;
  const text = joinLines(lines);
  return { source: text.slice(0, text.length - bodyEnd.length), bodyEnd };
}
