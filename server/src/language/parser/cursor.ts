// The token cursor every construct's parser works with: look-ahead, consuming, reporting an
// error once per place, and skipping to a recovery point. Newlines are significant (they end
// statements and block items) except inside parentheses, where conditions may span lines.
import type { Identifier, Range } from '../ast';
import type { Diagnostic } from '../diagnostic';
import type { Token, TokenKind } from '../lexer';

export class Cursor {
  private index = 0;
  /** End offset of the last consumed token: where a node being built ends. */
  lastEnd = 0;
  private parenDepth = 0;
  readonly errors: Diagnostic[] = [];
  /** Offsets that already have an error (made on the first error: most cells have none). */
  private errorOffsets?: Set<number>;

  constructor(private readonly tokens: Token[]) {}

  /**
   * The current token. Inside parentheses newlines are skipped, unless the next line starts
   * a new rule, item or statement: then the `(` was never closed and the newline ends it.
   */
  get token(): Token {
    if (this.parenDepth > 0 && this.tokens[this.index].kind === 'Newline') {
      let next = this.index;
      while (this.tokens[next].kind === 'Newline') next++;
      const kind = this.tokens[next].kind;
      if (kind !== 'String' && kind !== 'RBrace' && kind !== 'EOF') this.index = next;
    }
    return this.tokens[this.index];
  }

  /** The token `k` places ahead of the current one (no newline skipping). */
  peek(k = 1): Token {
    return this.tokens[Math.min(this.index + k, this.tokens.length - 1)];
  }

  /** The token before the current one, or undefined at the start. */
  get previous(): Token | undefined {
    return this.index > 0 ? this.tokens[this.index - 1] : undefined;
  }

  at(kind: TokenKind): boolean {
    return this.token.kind === kind;
  }

  /** At the contextual keyword `word` (an identifier spelled so). */
  atWord(word: string): boolean {
    const t = this.token;
    return t.kind === 'Ident' && t.text === word;
  }

  atLineEnd(): boolean {
    const kind = this.token.kind;
    return kind === 'Newline' || kind === 'EOF';
  }

  bump(): Token {
    const t = this.token;
    if (t.kind !== 'EOF') this.index++;
    this.lastEnd = t.end;
    return t;
  }

  eat(kind: TokenKind): Token | null {
    return this.at(kind) ? this.bump() : null;
  }

  eatWord(word: string): Token | null {
    return this.atWord(word) ? this.bump() : null;
  }

  /** Consumes `kind` or reports "expected {what}" at the current token. */
  expect(kind: TokenKind, what: string): Token | null {
    if (this.at(kind)) return this.bump();
    this.errorExpected(what);
    return null;
  }

  expectWord(word: string): Token | null {
    if (this.atWord(word)) return this.bump();
    this.errorExpected(`\`${word}\``);
    return null;
  }

  /** An identifier node, or null after reporting "expected {what}". */
  identifier(what: string): Identifier | null {
    if (!this.at('Ident')) {
      this.errorExpected(what);
      return null;
    }
    const t = this.bump();
    return { kind: 'Identifier', name: t.text, start: t.start, end: t.end };
  }

  /** Reports "expected …, found …"; at a line's end the error sits just after the last token. */
  errorExpected(what: string): void {
    const t = this.token;
    const range = t.kind === 'Newline' || t.kind === 'EOF' ? { start: this.lastEnd, end: this.lastEnd } : t;
    this.error(range, 'expected-token', `expected ${what}, found ${describe(t)}`);
  }

  /**
   * Reports an error unless one was already reported at the same offset (one cause, one
   * message). `range` may be a node or token: only its offsets are kept.
   */
  error(range: Range, code: string, message: string, data?: Diagnostic['data']): void {
    this.errorOffsets ??= new Set();
    if (this.errorOffsets.has(range.start)) return;
    this.errorOffsets.add(range.start);
    const diagnostic: Diagnostic = { range: { start: range.start, end: range.end }, severity: 'error', code, message };
    if (data) diagnostic.data = data;
    this.errors.push(diagnostic);
  }

  /** Skips to the end of the line (not consuming the newline), or to `stop` when given. */
  skipLine(stop?: TokenKind): void {
    while (!this.atLineEnd() && !(stop && this.at(stop))) this.bump();
  }

  skipNewlines(): void {
    while (this.tokens[this.index].kind === 'Newline') this.index++;
  }

  /** Runs `parse` with newlines insignificant, for parenthesised conditions. */
  insideParens<T>(parse: () => T): T {
    this.parenDepth++;
    try {
      return parse();
    } finally {
      this.parenDepth--;
    }
  }

  /** Whether the current token begins its line (only blanks or comments before it). */
  atLineStart(): boolean {
    const previous = this.previous;
    return previous === undefined || previous.kind === 'Newline';
  }
}

/** How a token is named in "found …" messages. */
export function describe(t: Token): string {
  switch (t.kind) {
    case 'EOF':
      return 'end of cell';
    case 'Newline':
      return 'end of line';
    case 'String':
      return 'a string';
    default:
      return `\`${t.text}\``;
  }
}

export function span(start: number, end: number): Range {
  return { start, end };
}
