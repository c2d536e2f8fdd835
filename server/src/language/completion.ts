// What may be written at a position in a cell, for completion. It reads the tokens before the
// cursor on the current statement (or block item), so it works on half-typed, unparsable
// text; the language server turns the answer into completion items (names of definitions,
// metrics, columns, keywords) with the descriptions from the catalog.
import type { DefinitionKind, Range } from './ast';
import { chartKindInfo } from './catalog/charts';
import { unitOf, type KeywordContext, type LanguageWord } from './catalog/keywords';
import { modelKindInfo, type ModelRole } from './catalog/models';
import { DELIMITER_WORDS, optionInfo, type BlockContext, type OptionInfo } from './catalog/options';
import { DATE_FORMAT_WORDS } from './catalog/sources';
import { lex, type Token } from './lexer';

export type Expectation =
  /** The words of a keyword context (see `keywordsFor`); in a model block, the options of a model of `role`. */
  | { kind: 'keywords'; context: KeywordContext; role?: ModelRole }
  /** These particular words. */
  | { kind: 'words'; words: string[] }
  /** Names of definitions of these kinds. */
  | { kind: 'definitions'; kinds: DefinitionKind[] }
  /** Columns of the data file of source `source` (the statement's own source). */
  | { kind: 'columns'; source: string | null };

export interface CompletionContext {
  /** The part of a word already typed before the cursor, which a completion replaces. */
  replace: Range;
  /** What may be written here; empty where only a new name or a literal fits. */
  expect: Expectation[];
}

const BLOCK_OF: Record<string, BlockContext> = {
  source: 'source',
  model: 'model',
  value: 'value',
  table: 'table',
  export: 'export',
};
const UNITS: Expectation = { kind: 'keywords', context: 'unit' };
const METRICS: Expectation = { kind: 'keywords', context: 'metric' };
const words = (...list: LanguageWord[]): Expectation => ({ kind: 'words', words: list });
const definitions = (...kinds: DefinitionKind[]): Expectation => ({ kind: 'definitions', kinds });

export function completionContext(text: string, offset: number): CompletionContext {
  const all = lex(text).tokens.toArray();
  // The word being typed ends at the cursor; everything before it is context.
  let end = all.findIndex((t) => t.end >= offset || t.kind === 'EOF');
  const typing = all[end];
  const replace =
    typing.kind === 'Ident' && typing.start < offset
      ? { start: typing.start, end: offset }
      : { start: offset, end: offset };
  if (typing.kind !== 'Ident' || typing.start >= offset)
    end = all.findIndex((t) => t.start >= offset || t.kind === 'EOF');
  const before = all.slice(0, end);
  const open = enclosingBrace(before);
  // The current item: tokens since the last newline, or since the `{` of a one-line block.
  let itemStart = before.length;
  while (itemStart > 0 && before[itemStart - 1].kind !== 'Newline' && itemStart - 1 !== open) itemStart--;
  const item = before.slice(itemStart);
  if (open === -1) return { replace, expect: statementExpectations(item) };
  const owner = lineStart(before, open);
  const keyword = before[owner].text;
  if (keyword === 'segments') return { replace, expect: ruleExpectations(item) };
  const block = BLOCK_OF[keyword];
  if (!block) return { replace, expect: [] };
  const sourceName = block === 'source' && before[owner + 1]?.kind === 'Ident' ? before[owner + 1].text : null;
  // `model NAME = KIND(`: only the options a model of that kind takes.
  const role = block === 'model' ? modelKindInfo(before[owner + 3]?.text ?? '')?.role : undefined;
  return { replace, expect: blockExpectations(block, sameLineItem(item), sourceName, role) };
}

/** Index of the `{` that is still open before the cursor, or -1. */
function enclosingBrace(tokens: Token[]): number {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i].kind === 'RBrace') depth++;
    else if (tokens[i].kind === 'LBrace' && depth-- === 0) return i;
  }
  return -1;
}

function lineStart(tokens: Token[], i: number): number {
  while (i > 0 && tokens[i - 1].kind !== 'Newline') i--;
  return i;
}

/** In `{ penalty 1  max_iter|` the item is the last option: start again after each complete `name value`. */
function sameLineItem(item: Token[]): Token[] {
  for (let i = item.length - 1; i > 0; i--) {
    const previous = item[i - 1];
    if (
      item[i].kind === 'Ident' &&
      (previous.kind === 'Number' || previous.kind === 'Percent' || previous.kind === 'String') &&
      item[i].text !== 'per' &&
      !unitOf(item[i].text)
    ) {
      return item.slice(i);
    }
  }
  return item;
}

function statementExpectations(item: Token[]): Expectation[] {
  const texts = item.map((t) => t.text);
  const [keyword] = texts;
  const n = item.length;
  const last = texts[n - 1];
  if (n === 0) return [{ kind: 'keywords', context: 'statement' }];
  switch (keyword) {
    case 'connection':
      if (n === 3 && last === '=') return [{ kind: 'keywords', context: 'engine' }];
      return n === 4 ? [{ kind: 'keywords', context: 'url-source' }] : [];
    case 'source':
      return n === 3 && last === '=' ? [{ kind: 'keywords', context: 'format' }] : [];
    case 'model':
      if (n === 3 && last === '=') return [{ kind: 'keywords', context: 'model-kind' }];
      if (n >= 5 && (last === '(' || last === ','))
        return [modelKindInfo(texts[3])?.input === 'cohorts' ? definitions('source') : definitions('split', 'source')];
      return [];
    case 'value':
      if (n === 3 && last === '=') return [{ kind: 'keywords', context: 'value-function' }];
      return n >= 5 && (last === '(' || last === ',') ? [definitions('model')] : [];
    case 'split':
      if (n === 3 && last === '=') return [definitions('source')];
      if (n === 4) return [words('until')];
      if (last === ',') return [words('holdout', 'in')];
      if (last === 'holdout') return [words('until')];
      return last === 'in' ? [UNITS] : [];
    case 'segments':
      if (n === 2) return [words('on')];
      return n === 3 && last === 'on' ? [definitions('value', 'model')] : [];
    case 'table':
      return n === 3 && last === '=' ? [definitions('value', 'model', 'segments', 'table')] : [];
    case 'chart':
      if (n === 1) return [{ kind: 'keywords', context: 'chart-kind' }];
      if (n === 2) return [words('of')];
      if (n === 3 && last === 'of')
        return [definitions(...(chartKindInfo(texts[1])?.of ?? ['value', 'model', 'segments', 'table']))];
      if (n === 4) return [words('by')];
      return last === 'by' || last === ',' ? [METRICS] : [];
    case 'export':
      if (n === 1) return [definitions('segments', 'table', 'value', 'model')];
      return n === 2 ? [words('to')] : [];
    case 'compare':
      return n === 1 || last === ',' ? [definitions('model')] : [];
    default:
      return [];
  }
}

function ruleExpectations(item: Token[]): Expectation[] {
  if (item.length === 0) return [];
  if (item.length === 1 && item[0].kind === 'String') return [{ kind: 'keywords', context: 'segment-rule' }];
  const when = item.findIndex((t) => t.text === 'when');
  return when === -1 ? [] : conditionExpectations(item.slice(when + 1), METRICS);
}

function blockExpectations(
  block: BlockContext,
  item: Token[],
  source: string | null,
  role: ModelRole | undefined,
): Expectation[] {
  const atItemStart: Expectation[] = [{ kind: 'keywords', context: `block:${block}`, ...(role && { role }) }];
  if (block === 'source') atItemStart.push({ kind: 'keywords', context: 'role' });
  if (item.length === 0) return atItemStart;
  const [first] = item;
  const last = item[item.length - 1];
  if (first.text === 'where')
    return conditionExpectations(item.slice(1), block === 'source' ? { kind: 'columns', source } : METRICS);
  if (item[1]?.text === '=') {
    if (last.text === 'as') return [{ kind: 'words', words: DATE_FORMAT_WORDS }];
    return last.text === '=' || last.kind === 'Comma' ? [{ kind: 'columns', source }] : [];
  }
  const option = optionInfo(block, first.text);
  if (!option) return item.length === 1 ? atItemStart : [];
  if (last.text === 'per') return [UNITS];
  if (item.length === 1 || last.kind === 'Comma') return firstValue(option, source);
  // After a value: its unit or `per`, the order of a sort, or the next option on the same line.
  const more: Expectation[] = [];
  if (last.kind === 'Number' && option.shape === 'duration') more.push(UNITS);
  if ((last.kind === 'Number' || last.kind === 'Percent') && option.shape.endsWith('-rate')) more.push(words('per'));
  if (option.shape === 'sort' && item.length === 2) more.push(words('asc', 'desc'));
  return [...more, ...atItemStart];
}

function firstValue(option: OptionInfo, source: string | null): Expectation[] {
  switch (option.shape) {
    case 'boolean':
      return [words('true', 'false')];
    case 'delimiter':
      return [{ kind: 'words', words: Object.keys(DELIMITER_WORDS) }];
    case 'word':
      return [{ kind: 'words', words: [...(option.words ?? [])] }];
    case 'metric-list':
    case 'sort':
      return [METRICS];
    case 'column-list':
      return [{ kind: 'columns', source }];
    default:
      return [];
  }
}

/** Words after which a condition's next operand goes. */
const OPERAND_AFTER: ReadonlySet<string> = new Set<LanguageWord>(['and', 'or', 'not', 'between', 'of']);

/** After `when` / `where`: names where an operand goes, operators and connectives after one. */
function conditionExpectations(condition: Token[], names: Expectation): Expectation[] {
  const last = condition[condition.length - 1];
  if (!last || last.kind === 'Op' || last.kind === 'LParen' || OPERAND_AFTER.has(last.text)) {
    return last?.text === 'of' ? [METRICS] : [names, words('not', 'percentile')];
  }
  if (last.text === 'in') return [words('top', 'bottom')];
  if (last.text === 'top' || last.text === 'bottom' || last.text === 'percentile') return [];
  if (last.kind === 'Number') return [UNITS, words('and', 'or')];
  if (
    last.kind === 'Ident' ||
    last.kind === 'RParen' ||
    last.kind === 'Percent' ||
    last.kind === 'String' ||
    last.kind === 'Date'
  ) {
    return [{ kind: 'keywords', context: 'condition' }];
  }
  return [];
}
