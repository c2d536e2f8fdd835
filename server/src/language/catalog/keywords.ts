// Keywords by context: the one declaration of the language's fixed words. The parser reads
// them (its `atWord` takes only a `LanguageWord`, so it cannot accept a word this file lacks),
// completion offers them, semantic tokens colour them, and test/syntaxes/vocabulary.test.ts
// holds the TextMate grammar to them. The parser treats all of them as contextual: `date`
// stays a valid column name.
import { UNIT_DAYS, type TimeUnit } from '../../models/summary/units';
import { CHART_KINDS } from './charts';
import { CONNECTION_ENGINES, CONNECTION_FORMATS, CONNECTION_URL_SOURCES } from './connections';
import { METRICS } from './metrics';
import { MODEL_KINDS, type ModelRole } from './models';
import { BLOCK_ALLOWS_WHERE, BLOCK_OPTIONS, optionAppliesTo, type BlockContext } from './options';
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
/** Connectives of a condition. */
export const LOGICAL_KEYWORDS = ['and', 'or', 'not'] as const;
export const BOOLEAN_WORDS = ['true', 'false'] as const;
export const CONDITION_KEYWORDS = [
  ...LOGICAL_KEYWORDS,
  'in',
  'top',
  'bottom',
  'between',
  'percentile',
  'of',
  ...BOOLEAN_WORDS,
] as const;
/** The words that start a segment rule's outcome. */
export const SEGMENT_RULE_KEYWORDS = ['when', 'otherwise'] as const;
/** Words that cannot name a metric or column inside a condition (docs/language.md, "Lexical rules"). */
export const RESERVED_IN_CONDITIONS = [...LOGICAL_KEYWORDS, 'in', 'between', ...SEGMENT_RULE_KEYWORDS] as const;
/**
 * Words that join the parts of a statement or block item: `source … from CONN`, `split … until
 * DATE, holdout until DATE, in UNIT`, `segments … on`, `chart … of … by`, `export … to`,
 * `date = d as FORMAT`, `10% per year`, `where`, `sort clv desc`.
 */
export const CLAUSE_KEYWORDS = [
  'from',
  'until',
  'holdout',
  'in',
  'on',
  'of',
  'by',
  'to',
  'as',
  'per',
  'where',
  'asc',
  'desc',
] as const;

/** A time unit's singular spelling (`1 year`). */
type SingularUnit = TimeUnit extends infer U ? (U extends `${infer S}s` ? S : never) : never;
export type UnitWord = TimeUnit | SingularUnit;
/** Every spelling of a time unit, from the models library's one table of unit lengths. */
export const UNIT_WORDS: readonly UnitWord[] = (Object.keys(UNIT_DAYS) as TimeUnit[]).flatMap((u) => [
  u.slice(0, -1) as SingularUnit,
  u,
]);
const UNIT_OF_WORD = new Map<string, TimeUnit>(
  (Object.keys(UNIT_DAYS) as TimeUnit[]).flatMap((u) => [
    [u, u],
    [u.slice(0, -1), u],
  ]),
);

/** The time unit `word` spells (`month` and `months` are both `months`), or undefined. */
export function unitOf(word: string): TimeUnit | undefined {
  return UNIT_OF_WORD.get(word);
}

/** The value function a `value` statement calls. */
export const VALUE_FUNCTIONS = ['lifetime_value'] as const;
export type ValueFunction = (typeof VALUE_FUNCTIONS)[number];

/** A fixed word the parser may look for. */
export type LanguageWord =
  | (typeof STATEMENT_KEYWORDS)[number]
  | (typeof CONDITION_KEYWORDS)[number]
  | (typeof SEGMENT_RULE_KEYWORDS)[number]
  | (typeof CLAUSE_KEYWORDS)[number]
  | UnitWord;

export type KeywordContext =
  | 'statement'
  | 'condition'
  | 'unit'
  | 'format'
  | 'engine'
  | 'url-source'
  | 'model-kind'
  | 'chart-kind'
  | 'value-function'
  | 'metric'
  | 'role'
  | 'segment-rule'
  | 'split'
  | `block:${BlockContext}`;

/** Words worth offering when completing in `context`; in a model block, only the options a model of `role` takes. */
export function keywordsFor(context: KeywordContext, role?: ModelRole): string[] {
  switch (context) {
    case 'statement':
      return [...STATEMENT_KEYWORDS];
    case 'condition':
      return [...CONDITION_KEYWORDS];
    case 'unit':
      return Object.keys(UNIT_DAYS);
    case 'format':
      return [...SOURCE_FORMATS, ...CONNECTION_FORMATS].map((f) => f.name);
    case 'engine':
      return CONNECTION_ENGINES.map((e) => e.name);
    case 'url-source':
      return CONNECTION_URL_SOURCES.map((u) => u.name);
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
      return [...SEGMENT_RULE_KEYWORDS];
    case 'split':
      return ['until', 'holdout', 'in'];
    default: {
      const block = context.slice('block:'.length) as BlockContext;
      const words = BLOCK_OPTIONS[block].filter((o) => !role || optionAppliesTo(o, role)).map((o) => o.name);
      return BLOCK_ALLOWS_WHERE[block] ? [...words, 'where'] : words;
    }
  }
}
