// The lexer: cell text → tokens. It never fails: a character it does not know becomes an
// `Unknown` token that the parser reports. Newlines are tokens because they end statements
// and block items; comments are returned apart so the parser never has to skip them.
import type { Comment, Range } from './ast';

export type TokenKind =
  | 'Ident'
  | 'Number' // 12, 1.5, 1e-8
  | 'Percent' // 10%
  | 'Date' // 1997-09-30
  | 'String' // "..." with \" and \\ escapes
  | 'LBrace'
  | 'RBrace'
  | 'LParen'
  | 'RParen'
  | 'Comma'
  | 'Op' // < <= > >= = !=
  | 'Newline'
  | 'Unknown'
  | 'EOF';

/**
 * A token. `range` is made on request: a notebook has hundreds of thousands of tokens and
 * only the few that become tree nodes need a range object of their own.
 */
export class Token {
  constructor(
    readonly kind: TokenKind,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    /** For String tokens: false when the closing quote is missing. */
    readonly terminated = true,
  ) {}

  get range(): Range {
    return { start: this.start, end: this.end };
  }
}

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
}

const PUNCTUATION: Record<string, TokenKind> = { '{': 'LBrace', '}': 'RBrace', '(': 'LParen', ')': 'RParen', ',': 'Comma' };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, terminated = true) => {
    tokens.push(new Token(kind, text.slice(start, end), start, end, terminated));
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 10) {
      push('Newline', i, ++i);
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 35 /* # */) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      // A CRLF line's comment does not own the CR.
      const end = text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      comments.push({ range: { start, end }, text: text.slice(start, end) });
    } else if (isDigit(c)) {
      i = scanNumberOrDate(text, i);
      const isDate = i - start === 10 && text.charCodeAt(start + 4) === 45;
      if (!isDate && text.charCodeAt(i) === 37 /* % */) push('Percent', start, ++i);
      else push(isDate ? 'Date' : 'Number', start, i);
    } else if (c === 45 /* - */ && (isDigit(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 46)) {
      // A negative number (so `horizon -3 months` is reported as out of range, not as a typo).
      i = scanNumberOrDate(text, i + 1);
      if (text.charCodeAt(i) === 37) push('Percent', start, ++i);
      else push('Number', start, i);
    } else if (c === 46 /* . */ && isDigit(text.charCodeAt(i + 1))) {
      i = scanNumberOrDate(text, i);
      if (text.charCodeAt(i) === 37) push('Percent', start, ++i);
      else push('Number', start, i);
    } else if (isIdentStart(c)) {
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      push('Ident', start, i);
    } else if (c === 34 /* " */) {
      i++;
      let terminated = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10) break;
        if (d === 92 /* \ */ && i + 1 < n && text.charCodeAt(i + 1) !== 10) {
          i += 2;
          continue;
        }
        i++;
        if (d === 34) {
          terminated = true;
          break;
        }
      }
      push('String', start, i, terminated);
    } else if (c === 60 || c === 62 /* < > */) {
      i += text.charCodeAt(i + 1) === 61 ? 2 : 1;
      push('Op', start, i);
    } else if (c === 61 /* = */) {
      push('Op', start, ++i);
    } else if (c === 33 /* ! */ && text.charCodeAt(i + 1) === 61) {
      i += 2;
      push('Op', start, i);
    } else if (PUNCTUATION[text[i]]) {
      push(PUNCTUATION[text[i]], start, ++i);
    } else {
      // One unknown code point (a surrogate pair stays together).
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      push('Unknown', start, i);
    }
  }
  tokens.push(new Token('EOF', '', n, n));
  return { tokens, comments };
}

/** Scans `1`, `1.5`, `1e-8` or `1997-09-30` starting at `i`; returns the end offset. */
function scanNumberOrDate(text: string, i: number): number {
  const start = i;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i - start === 4 && text.charCodeAt(i) === 45 && isDateRest(text, i)) return i + 6;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      while (isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

/** `-MM-DD` follows at `i` (and no further digit, so 1997-09-301 is not a date). */
function isDateRest(text: string, i: number): boolean {
  return (
    isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 45 &&
    isDigit(text.charCodeAt(i + 4)) && isDigit(text.charCodeAt(i + 5)) && !isIdentPart(text.charCodeAt(i + 6))
  );
}
