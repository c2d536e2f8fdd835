// The lexer: cell text → tokens. It never fails: a character it does not know becomes an
// `Unknown` token that the parser reports. Newlines are tokens because they end statements
// and block items; comments are returned apart so the parser never has to skip them.
import type { Comment, Range } from './ast';
import { interned } from './interned-text';
import { breaksLineAt } from './text';

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

/** A token as an object, made on request from a `TokenStream`. */
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

const KINDS: readonly TokenKind[] = [
  'Ident',
  'Number',
  'Percent',
  'Date',
  'String',
  'LBrace',
  'RBrace',
  'LParen',
  'RParen',
  'Comma',
  'Op',
  'Newline',
  'Unknown',
  'EOF',
];
/** Each kind's code: its index in KINDS. (The lexer passes codes, not names: looking a name up per token is slow.) */
const CODE = Object.fromEntries(KINDS.map((kind, code) => [kind, code])) as Record<TokenKind, number>;
/** Set on a String token's kind code when its closing quote is missing. */
const UNTERMINATED = 0x80;

/**
 * A cell's tokens as flat numbers (kind, start, end per token): a notebook has hundreds of
 * thousands of tokens, and the parser asks for an object (`token(i)`) for few of them.
 */
export class TokenStream {
  constructor(
    readonly source: string,
    /** kind code, start, end for token i at 3i, 3i + 1, 3i + 2. */
    private readonly data: Int32Array,
    /** The number of tokens, the final EOF included. */
    readonly count: number,
  ) {}

  kind(i: number): TokenKind {
    return KINDS[this.data[3 * i] & ~UNTERMINATED];
  }

  start(i: number): number {
    return this.data[3 * i + 1];
  }

  end(i: number): number {
    return this.data[3 * i + 2];
  }

  text(i: number): string {
    return interned(this.source, this.data[3 * i + 1], this.data[3 * i + 2]);
  }

  /** Whether token i is the identifier `word` (compared in place, without making a string). */
  isWord(i: number, word: string): boolean {
    const start = this.data[3 * i + 1];
    return (
      this.data[3 * i] === CODE.Ident &&
      this.data[3 * i + 2] - start === word.length &&
      this.source.startsWith(word, start)
    );
  }

  token(i: number): Token {
    const code = this.data[3 * i];
    return new Token(
      KINDS[code & ~UNTERMINATED],
      this.text(i),
      this.start(i),
      this.end(i),
      (code & UNTERMINATED) === 0,
    );
  }

  /** Every token as an object, newlines and the final EOF included. */
  toArray(): Token[] {
    return Array.from({ length: this.count }, (_, i) => this.token(i));
  }
}

export interface LexResult {
  tokens: TokenStream;
  comments: Comment[];
}

const PUNCTUATION: Record<string, number> = {
  '{': CODE.LBrace,
  '}': CODE.RBrace,
  '(': CODE.LParen,
  ')': CODE.RParen,
  ',': CODE.Comma,
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** Where `lex` writes tokens before copying out exactly as many as it found (lexing is synchronous). */
let scratch = new Int32Array(3 * 4096);

export function lex(text: string): LexResult {
  const comments: Comment[] = [];
  const n = text.length;
  // Every token but EOF covers at least one character, so there are at most n + 1 of them.
  if (scratch.length < 3 * (n + 1)) scratch = new Int32Array(3 * (n + 1));
  const data = scratch;
  let count = 0;
  const push = (code: number, start: number, end: number, terminated = true) => {
    data[3 * count] = code | (terminated ? 0 : UNTERMINATED);
    data[3 * count + 1] = start;
    data[3 * count + 2] = end;
    count++;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    if (breaksLineAt(text, i)) {
      push(CODE.Newline, i, ++i);
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 35 /* # */) {
      // A comment ends before its line break: it never owns a carriage return.
      while (i < n && !isLineEnd(text.charCodeAt(i))) i++;
      comments.push({ range: { start, end: i }, text: text.slice(start, i) });
    } else if (isDigit(c)) {
      i = scanNumberOrDate(text, i);
      const isDate = i - start === 10 && text.charCodeAt(start + 4) === 45;
      if (!isDate && text.charCodeAt(i) === 37 /* % */) push(CODE.Percent, start, ++i);
      else push(isDate ? CODE.Date : CODE.Number, start, i);
    } else if (c === 45 /* - */ && (isDigit(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 46)) {
      // A negative number (so `horizon -3 months` is reported as out of range, not as a typo).
      i = scanNumberOrDate(text, i + 1);
      if (text.charCodeAt(i) === 37) push(CODE.Percent, start, ++i);
      else push(CODE.Number, start, i);
    } else if (c === 46 /* . */ && isDigit(text.charCodeAt(i + 1))) {
      i = scanNumberOrDate(text, i);
      if (text.charCodeAt(i) === 37) push(CODE.Percent, start, ++i);
      else push(CODE.Number, start, i);
    } else if (isIdentStart(c)) {
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      push(CODE.Ident, start, i);
    } else if (c === 34 /* " */) {
      i++;
      let terminated = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isLineEnd(d)) break;
        if (d === 92 /* \ */ && i + 1 < n && !isLineEnd(text.charCodeAt(i + 1))) {
          i += 2;
          continue;
        }
        i++;
        if (d === 34) {
          terminated = true;
          break;
        }
      }
      push(CODE.String, start, i, terminated);
    } else if (c === 60 || c === 62 /* < > */) {
      i += text.charCodeAt(i + 1) === 61 ? 2 : 1;
      push(CODE.Op, start, i);
    } else if (c === 61 /* = */) {
      push(CODE.Op, start, ++i);
    } else if (c === 33 /* ! */ && text.charCodeAt(i + 1) === 61) {
      i += 2;
      push(CODE.Op, start, i);
    } else if (PUNCTUATION[text[i]] !== undefined) {
      push(PUNCTUATION[text[i]], start, ++i);
    } else {
      // One unknown code point (a surrogate pair stays together).
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      push(CODE.Unknown, start, i);
    }
  }
  push(CODE.EOF, n, n);
  return { tokens: new TokenStream(text, data.slice(0, 3 * count), count), comments };
}

/** A line feed or a carriage return: every CR ends a line, alone or as the first half of CRLF. */
const isLineEnd = (c: number) => c === 10 || c === 13;

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
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    text.charCodeAt(i + 3) === 45 &&
    isDigit(text.charCodeAt(i + 4)) &&
    isDigit(text.charCodeAt(i + 5)) &&
    !isIdentPart(text.charCodeAt(i + 6))
  );
}
