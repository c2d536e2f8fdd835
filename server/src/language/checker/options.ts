// Block items against the option table of their block: unknown and repeated options, values
// of the wrong shape (with the fix spelled out), and numbers out of range.
import type { Block, Literal, OptionItem, OptionValue } from '../ast';
import {
  BLOCK_ALLOWS_WHERE,
  BLOCK_OPTIONS,
  DELIMITER_WORDS,
  optionInfo,
  type BlockContext,
  type OptionInfo,
  type OptionShape,
} from '../catalog/options';
import { didYouMean, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { literalText } from './describe';

const BLOCK_NOUNS: Record<BlockContext, string> = {
  source: 'a source',
  model: 'a model',
  value: 'a value',
  table: 'a table',
  export: 'an export',
};

/** Checks every item of `block` and returns its (first) options by name. */
export function checkBlockItems(
  ctx: CheckContext,
  context: BlockContext,
  block: Block | null,
): Map<string, OptionItem> {
  const seen = new Map<string, OptionItem>();
  for (const item of block?.items ?? []) {
    if (item.kind === 'Mapping') {
      if (context !== 'source')
        ctx.error(
          item.role,
          'mapping-not-allowed',
          `column mappings (\`role = column\`) belong in a source block, not in ${BLOCK_NOUNS[context]}`,
        );
      continue;
    }
    if (item.kind === 'Where') {
      if (!BLOCK_ALLOWS_WHERE[context])
        ctx.error(
          item,
          'where-not-allowed',
          `\`where\` filters are not allowed in ${BLOCK_NOUNS[context]}; filter in the source or in a table`,
        );
      continue;
    }
    const info = optionInfo(context, item.name.name);
    if (!info) {
      const suggestions = suggest(
        item.name.name,
        BLOCK_OPTIONS[context].map((o) => o.name),
      );
      ctx.error(
        item.name,
        'unknown-option',
        `unknown option \`${item.name.name}\` for ${BLOCK_NOUNS[context]}${didYouMean(suggestions)}`,
        suggestionData(suggestions),
      );
      continue;
    }
    if (seen.has(info.name)) {
      ctx.error(item.name, 'duplicate-option', `\`${info.name}\` is already set in this block`);
      continue;
    }
    seen.set(info.name, item);
    checkOptionValues(ctx, info, item);
  }
  return seen;
}

const LIST_SHAPES: OptionShape[] = ['column-list', 'metric-list'];

function checkOptionValues(ctx: CheckContext, info: OptionInfo, item: OptionItem): void {
  if (item.values.length === 0) return; // the parser already reported the missing value
  if (!LIST_SHAPES.includes(info.shape) && item.values.length > 1) {
    ctx.error(item.values[1], 'invalid-option-value', `\`${info.name}\` takes one value`);
    return;
  }
  for (const value of item.values) {
    if (value.order && info.shape !== 'sort')
      ctx.error(value.order, 'invalid-option-value', `\`${value.order.name}\` only follows the metric in \`sort\``);
    const problem = shapeProblem(info, value);
    if (problem) {
      ctx.error(
        value,
        'invalid-option-value',
        problem.message,
        problem.replacement ? { replacement: problem.replacement } : undefined,
      );
      return;
    }
    if (value.value.kind !== 'Identifier') checkRange(ctx, info, value.value);
  }
}

/** What is wrong with a value's shape, with a replacement when the fix is obvious. */
function shapeProblem(info: OptionInfo, v: OptionValue): { message: string; replacement?: string } | undefined {
  const value = v.value;
  const name = `\`${info.name}\``;
  switch (info.shape) {
    case 'boolean':
      return value.kind === 'Boolean' ? undefined : { message: `${name} takes true or false` };
    case 'integer':
      return value.kind === 'Number' && Number.isInteger(value.value)
        ? undefined
        : { message: `${name} takes a whole number` };
    case 'number':
      return value.kind === 'Number' ? undefined : { message: `${name} takes a number` };
    case 'percent':
      if (value.kind === 'Percent') return undefined;
      if (value.kind === 'Number') {
        const replacement = `${value.value <= 1 ? +(value.value * 100).toPrecision(12) : value.raw}%`;
        return { message: `${name} is a percentage; write \`${replacement}\``, replacement };
      }
      return { message: `${name} takes a percentage such as \`30%\`` };
    case 'duration':
      if (value.kind === 'Duration') return undefined;
      if (value.kind === 'Number')
        return { message: `${name} is a duration; write \`${value.raw} months\``, replacement: `${value.raw} months` };
      return { message: `${name} takes a duration such as \`12 months\`` };
    case 'percent-rate':
      if (value.kind === 'Rate' && value.amount.kind === 'Percent') return undefined;
      if (value.kind === 'Percent')
        return {
          message: `${name} is a rate per period; write \`${value.raw}% per year\``,
          replacement: `${value.raw}% per year`,
        };
      return { message: `${name} takes a rate such as \`10% per year\`` };
    case 'amount-rate':
      if (value.kind === 'Rate' && value.amount.kind === 'Number') return undefined;
      if (value.kind === 'Number')
        return {
          message: `${name} is an amount per period; write \`${value.raw} per year\``,
          replacement: `${value.raw} per year`,
        };
      return { message: `${name} takes an amount per period such as \`100 per year\`` };
    case 'delimiter': {
      if (value.kind === 'String' && [...value.value].length === 1) return undefined;
      if (value.kind === 'Identifier' && Object.hasOwn(DELIMITER_WORDS, value.name)) return undefined;
      const replacement =
        value.kind === 'Identifier' ? suggest(value.name, Object.keys(DELIMITER_WORDS))[0] : undefined;
      const message = `${name} takes whitespace, comma, tab, semicolon, pipe or a one-character string${replacement ? `; did you mean \`${replacement}\`?` : ''}`;
      return replacement ? { message, replacement } : { message };
    }
    case 'word': {
      const words = info.words ?? [];
      if (value.kind === 'Identifier' && words.includes(value.name)) return undefined;
      const replacement = value.kind === 'Identifier' ? suggest(value.name, [...words])[0] : undefined;
      const message = `${name} takes ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}${replacement ? `; did you mean \`${replacement}\`?` : ''}`;
      return replacement ? { message, replacement } : { message };
    }
    case 'date':
      return value.kind === 'Date' ? undefined : { message: `${name} takes a date such as \`2000-01-01\`` };
    case 'path':
      return value.kind === 'String' && value.value.trim() !== ''
        ? undefined
        : { message: `${name} takes a file path in quotes, such as \`"fits/q3.fit.json"\`` };
    case 'column-list':
      // A column name that is not a word (`"Order Date"`) is quoted, as in a mapping.
      return value.kind === 'Identifier' || value.kind === 'String'
        ? undefined
        : { message: `${name} takes column names` };
    case 'metric-list':
    case 'sort':
      return value.kind === 'Identifier' ? undefined : { message: `${name} takes metric names` };
  }
}

function checkRange(ctx: CheckContext, info: OptionInfo, value: Literal): void {
  const amount = value.kind === 'Duration' || value.kind === 'Rate' ? value.amount : value;
  if (amount.kind !== 'Number' && amount.kind !== 'Percent') return;
  const x = amount.value;
  const tooLow = info.min !== undefined && (info.minExclusive ? x <= info.min : x < info.min);
  const tooHigh = info.max !== undefined && (info.maxExclusive ? x >= info.max : x > info.max);
  if (!tooLow && !tooHigh) return;
  const suffix = amount.kind === 'Percent' ? '%' : '';
  const bounds: string[] = [];
  if (info.min !== undefined) bounds.push(`${info.minExclusive ? 'greater than' : 'at least'} ${info.min}${suffix}`);
  if (info.max !== undefined) bounds.push(`${info.maxExclusive ? 'below' : 'at most'} ${info.max}${suffix}`);
  ctx.error(
    value,
    'option-out-of-range',
    `\`${info.name}\` must be ${bounds.join(' and ')}, found ${literalText(value)}`,
  );
}
