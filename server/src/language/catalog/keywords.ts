// Keywords by context, for completion and for the lexer-free parts of the editor (semantic
// tokens). The parser treats all of them as contextual: `date` stays a valid column name.
import { BLOCK_ALLOWS_WHERE, BLOCK_OPTIONS, type BlockContext } from './options';
import { CHART_KINDS } from './charts';
import { MODEL_KINDS } from './models';
import { METRICS } from './metrics';
import { ROLES, SOURCE_FORMATS } from './sources';

export const STATEMENT_KEYWORDS = [
  'connection',
  'source',
  'split',
  'model',
  'value',
  'segments',
  'chart',
  'table',
  'export',
  'compare',
] as const;
export const CONDITION_KEYWORDS = [
  'and',
  'or',
  'not',
  'in',
  'top',
  'bottom',
  'between',
  'percentile',
  'of',
  'true',
  'false',
] as const;
export const UNIT_WORDS = ['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'] as const;
export const VALUE_FUNCTIONS = ['lifetime_value'] as const;

export type KeywordContext =
  | 'statement'
  | 'condition'
  | 'unit'
  | 'format'
  | 'model-kind'
  | 'chart-kind'
  | 'value-function'
  | 'metric'
  | 'role'
  | 'segment-rule'
  | 'split'
  | `block:${BlockContext}`;

/** Words worth offering when completing in `context`. */
export function keywordsFor(context: KeywordContext): string[] {
  switch (context) {
    case 'statement':
      return [...STATEMENT_KEYWORDS];
    case 'condition':
      return [...CONDITION_KEYWORDS];
    case 'unit':
      return ['days', 'weeks', 'months', 'years'];
    case 'format':
      return SOURCE_FORMATS.map((f) => f.name);
    case 'model-kind':
      return MODEL_KINDS.map((m) => m.name);
    case 'chart-kind':
      return CHART_KINDS.map((c) => c.name);
    case 'value-function':
      return [...VALUE_FUNCTIONS];
    case 'metric':
      return METRICS.map((m) => m.name);
    case 'role':
      return ROLES.map((r) => r.name);
    case 'segment-rule':
      return ['when', 'otherwise'];
    case 'split':
      return ['until', 'holdout', 'in'];
    default: {
      const block = context.slice('block:'.length) as BlockContext;
      const words = BLOCK_OPTIONS[block].map((o) => o.name);
      return BLOCK_ALLOWS_WHERE[block] ? [...words, 'where'] : words;
    }
  }
}
