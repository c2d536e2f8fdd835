// Semantic tokens from the core's tokens and symbol table: names are coloured by what they
// ARE (a definition, a metric, a column, a model kind), which the TextMate grammar cannot
// know because the language's keywords are contextual (`date` may be a column).
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import {
  BLOCK_OPTIONS,
  CLAUSE_KEYWORDS,
  keywordsFor,
  UNIT_WORDS,
  type CellResult,
  type KeywordContext,
  type ProgramResult,
} from '../../language';
import { toLspPosition, toOffset } from '../convert';
import type { Workspace } from '../workspace/workspace';
import { locate } from './locate';

const TYPES = [
  'keyword',
  'variable',
  'property',
  'parameter',
  'function',
  'number',
  'string',
  'comment',
  'operator',
] as const;
type TokenType = (typeof TYPES)[number];
const MODIFIERS = ['declaration'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const KEYWORD_CONTEXTS: KeywordContext[] = [
  'statement',
  'condition',
  'unit',
  'format',
  'engine',
  'url-source',
  'chart-kind',
  'value-function',
  'role',
  'segment-rule',
  'split',
  ...Object.keys(BLOCK_OPTIONS).map((b) => `block:${b}` as KeywordContext),
];
const KEYWORDS = new Set<string>([
  ...KEYWORD_CONTEXTS.flatMap((c) => keywordsFor(c)),
  ...CLAUSE_KEYWORDS,
  ...UNIT_WORDS,
]);
const LITERAL: Partial<Record<string, TokenType>> = {
  String: 'string',
  Number: 'number',
  Percent: 'number',
  Date: 'number',
  Op: 'operator',
};

interface Classified {
  start: number;
  end: number;
  type: TokenType;
  declaration: boolean;
}

function classify(result: ProgramResult, cell: CellResult): Classified[] {
  const byStart = new Map<number, Classified>();
  for (const infos of result.definitions.values()) {
    for (const d of infos)
      if (d.cellId === cell.id) byStart.set(d.nameRange.start, { ...d.nameRange, type: 'variable', declaration: true });
  }
  for (const r of result.references) {
    if (r.cellId !== cell.id || byStart.has(r.range.start)) continue;
    byStart.set(r.range.start, {
      ...r.range,
      type: r.role === 'definition' ? 'variable' : r.role === 'metric' ? 'property' : 'parameter',
      declaration: false,
    });
  }
  for (const s of cell.parse.statements) {
    const callee = (s.kind === 'Model' || s.kind === 'Value') && s.call?.callee;
    if (callee) byStart.set(callee.start, { ...callee, type: 'function', declaration: false });
  }
  const out: Classified[] = [];
  for (const t of cell.parse.tokens) {
    const known = byStart.get(t.start);
    const type = known
      ? undefined
      : t.kind === 'Ident'
        ? KEYWORDS.has(t.text)
          ? 'keyword'
          : undefined
        : LITERAL[t.kind];
    if (known) out.push(known);
    else if (type) out.push({ start: t.start, end: t.end, type, declaration: false });
  }
  for (const c of cell.parse.comments) out.push({ ...c.range, type: 'comment', declaration: false });
  return out.sort((a, b) => a.start - b.start);
}

export function semanticTokens(workspace: Workspace, params: SemanticTokensParams): SemanticTokens {
  const located = locate(workspace, params.textDocument.uri);
  if (!located) return { data: [] };
  const { cell } = located;
  const data: number[] = [];
  let line = 0;
  let character = 0;
  let lastEnd = -1;
  for (const token of classify(located.program.result(), cell)) {
    if (token.start < lastEnd) continue; // never overlap (a client would drop the whole answer)
    const start = toLspPosition(cell, token.start);
    const end = toLspPosition(cell, token.end);
    // A token spanning lines (an unterminated string would) is cut at its first line's end.
    const length =
      end.line === start.line
        ? end.character - start.character
        : toOffset(cell, { line: start.line, character: Number.MAX_SAFE_INTEGER }) - token.start;
    if (length <= 0) continue;
    data.push(
      start.line - line,
      start.line === line ? start.character - character : start.character,
      length,
      TYPES.indexOf(token.type),
      token.declaration ? 1 : 0,
    );
    line = start.line;
    character = start.character;
    lastEnd = token.end;
  }
  return { data };
}
