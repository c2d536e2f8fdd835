// The token cursor every construct's parser works with: look-ahead, consuming, reporting an
// error once per place, and skipping to a recovery point. Newlines are significant (they end
// statements and block items) except inside parentheses, where conditions may span lines.
import type { Identifier, Range } from '../ast';
import type { LanguageWord } from '../catalog/keywords';
import type { Diagnostic } from '../diagnostic';
import type { Token, TokenKind, TokenStream } from '../lexer';

export class Cursor {
  private index = 0;
  /** End offset of the last consumed token: where a node being built ends. */
  lastEnd = 0;
  private parenDepth = 0;
  /** How many `(` and `not` enclose the condition being parsed (see MAX_CONDITION_DEPTH). */
  nesting = 0;
  readonly errors: Diagnostic[] = [];
  /** Offsets that already have an error (made on the first error: most cells have none). */
  private errorOffsets?: Set<number>;
  /** The token object made last and its index: the parser often looks at a token twice. */
  private made?: Token;
  private madeAt = -1;

  constructor(private readonly tokens: TokenStream) {}

  /**
   * The current token's index. Inside parentheses newlines are skipped, unless the next line
   * starts a new rule, item or statement: then the `(` was never closed and the newline ends it.
   */
  private current(): number {
    if (this.parenDepth > 0 && this.tokens.kind(this.index) === 'Newline') {
      let next = this.index;
      while (this.tokens.kind(next) === 'Newline') next++;
      const kind = this.tokens.kind(next);
      if (kind !== 'String' && kind !== 'RBrace' && kind !== 'EOF') this.index = next;
    }
    return this.index;
  }

  /** The current token as an object (the checks below answer without making one). */
  get token(): Token {
    const i = this.current();
    if (i !== this.madeAt) {
      this.made = this.tokens.token(i);
      this.madeAt = i;
    }
    return this.made!;
  }

  /** The kind of the token after the current one (no newline skipping). */
  peekKind(): TokenKind {
    return this.tokens.kind(Math.min(this.index + 1, this.tokens.count - 1));
  }

  at(kind: TokenKind): boolean {
    return this.tokens.kind(this.current()) === kind;
  }

  /** At the contextual keyword `word` (an identifier spelled so); the catalog declares every such word. */
  atWord(word: LanguageWord): boolean {
    return this.tokens.isWord(this.current(), word);
  }

  atLineEnd(): boolean {
    const kind = this.tokens.kind(this.current());
    return kind === 'Newline' || kind === 'EOF';
  }

  /** Consumes the current token and returns it as an object. */
  bump(): Token {
    const t = this.token;
    this.advance();
    return t;
  }

  /** Consumes the current token without making an object of it. */
  private advance(): void {
    const i = this.current();
    if (this.tokens.kind(i) !== 'EOF') this.index++;
    this.lastEnd = this.tokens.end(i);
  }

  eat(kind: TokenKind): boolean {
    if (!this.at(kind)) return false;
    this.advance();
    return true;
  }

  eatWord(word: LanguageWord): boolean {
    if (!this.atWord(word)) return false;
    this.advance();
    return true;
  }

  /** Consumes `kind` or reports "expected {what}" at the current token. */
  expect(kind: TokenKind, what: string): boolean {
    if (this.eat(kind)) return true;
    this.errorExpected(what);
    return false;
  }

  expectWord(word: LanguageWord): boolean {
    if (this.eatWord(word)) return true;
    this.errorExpected(`\`${word}\``);
    return false;
  }

  /** An identifier node, or null after reporting "expected {what}". */
  identifier(what: string): Identifier | null {
    if (!this.at('Ident')) {
      this.errorExpected(what);
      return null;
    }
    const i = this.current();
    const name = i === this.madeAt ? this.made!.text : this.tokens.text(i);
    this.advance();
    return { kind: 'Identifier', name, start: this.tokens.start(i), end: this.tokens.end(i) };
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
    while (!this.atLineEnd() && !(stop && this.at(stop))) this.advance();
  }

  skipNewlines(): void {
    while (this.tokens.kind(this.index) === 'Newline') this.index++;
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
    return this.index === 0 || this.tokens.kind(this.index - 1) === 'Newline';
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
