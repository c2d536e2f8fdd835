// One cell's text → statements, errors, comments and tokens. Never throws. After a broken
// statement the parser skips to the end of its line (or past its block) and goes on, so an
// error in one statement never hides the next one's.
import type { Comment, Statement } from '../ast';
import type { Diagnostic } from '../diagnostic';
import { lex, type Token } from '../lexer';
import type { ParseResult } from '../program-types';
import { didYouMean, suggest } from '../suggest';
import { describe, Cursor } from './cursor';
import { parseConnection, parseModel, parseSource, parseSplit, parseTable, parseValue } from './definitions';
import { parseChart, parseCompare, parseExport } from './outputs';
import { trimmed } from '../trimmed';
import { parseSegments } from './segments';
import { atStatementStart, STATEMENT_WORDS } from './statement-start';

const PARSERS: Record<string, (p: Cursor, start: number) => Statement> = {
  connection: parseConnection,
  source: parseSource,
  split: parseSplit,
  model: parseModel,
  value: parseValue,
  segments: parseSegments,
  chart: parseChart,
  table: parseTable,
  export: parseExport,
  compare: parseCompare,
};

export function parseCell(text: string): ParseResult {
  const { tokens, comments } = lex(text);
  const p = new Cursor(tokens);
  const statements: Statement[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kind(i) === 'Unknown')
      p.error(tokens.token(i), 'unknown-character', `unexpected character \`${tokens.text(i)}\``);
  }
  for (;;) {
    p.skipNewlines();
    const t = p.token;
    if (t.kind === 'EOF') break;
    const parse = t.kind === 'Ident' && Object.hasOwn(PARSERS, t.text) ? PARSERS[t.text] : undefined;
    if (!parse) {
      reportUnknownStatement(p);
      skipStatement(p);
      continue;
    }
    p.bump();
    statements.push(parse(p, t.start));
    // A statement ends at the end of its line (or, after an unclosed block, where the next begins).
    if (!p.atLineEnd() && !p.atLineStart()) {
      p.errorExpected('the end of the line');
      skipStatement(p);
    }
  }
  const errors = p.errors.sort((a, b) => a.range.start - b.range.start);
  return new CellParse(text, trimmed(statements), errors, comments);
}

/**
 * A parse result. Tokens are wanted only for highlighting: lexing again on demand keeps a
 * notebook's worth of token objects from outliving the parse. (A class, not an object literal
 * with a getter: V8 gives each such literal its own hidden class, ten times the memory.)
 */
class CellParse implements ParseResult {
  private significant?: Token[];

  constructor(
    private readonly text: string,
    readonly statements: Statement[],
    readonly errors: Diagnostic[],
    readonly comments: Comment[],
  ) {}

  get tokens(): Token[] {
    this.significant ??= lex(this.text)
      .tokens.toArray()
      .filter((t) => t.kind !== 'Newline');
    return this.significant;
  }
}

function reportUnknownStatement(p: Cursor): void {
  const t = p.token;
  if (t.kind === 'Ident') {
    const suggestions = suggest(t.text, STATEMENT_WORDS);
    p.error(
      t,
      'unknown-statement',
      `unknown statement \`${t.text}\`${didYouMean(suggestions)}`,
      suggestions.length ? { replacement: suggestions[0], candidates: suggestions } : undefined,
    );
  } else {
    p.error(
      t,
      'expected-token',
      `expected a statement (connection, source, split, model, value, segments, chart, table, export or compare), found ${describe(t)}`,
    );
  }
}

/** Skips the rest of a line; a block opened on it is skipped to its `}` so its items are not read as statements. */
function skipStatement(p: Cursor): void {
  let depth = 0;
  for (;;) {
    const t = p.token;
    if (t.kind === 'EOF') return;
    if (t.kind === 'Newline' && depth === 0) return;
    // An unclosed block ends where the next statement begins.
    if (depth > 0 && atStatementStart(p)) return;
    if (t.kind === 'LBrace') depth++;
    if (t.kind === 'RBrace' && depth > 0) depth--;
    p.bump();
  }
}
