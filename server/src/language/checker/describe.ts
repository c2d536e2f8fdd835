// How values and types are named in messages.
import type { DefinitionKind, Expression, Literal } from '../ast';
import type { ValueType } from '../catalog/metrics';

export function literalText(literal: Literal): string {
  switch (literal.kind) {
    case 'Number':
      return literal.raw;
    case 'Percent':
      return `${literal.raw}%`;
    case 'String':
      return literal.raw;
    case 'Date':
      return literal.value;
    case 'Boolean':
      return String(literal.value);
    case 'Duration':
      return `${literal.amount.raw} ${literal.unit.raw}`;
    case 'Rate':
      return `${literalText(literal.amount)} per ${literal.per.raw}`;
  }
}

/** `clv`, `4 weeks`, or "this condition" for anything longer. */
export function expressionText(e: Expression): string {
  if (e.kind === 'Identifier') return e.name;
  if (e.kind === 'Percentile') return `percentile ${e.rank?.raw ?? '?'} of ${e.metric?.name ?? '?'}`;
  if ('raw' in e || e.kind === 'Date' || e.kind === 'Boolean' || e.kind === 'Duration' || e.kind === 'Rate')
    return literalText(e);
  return 'this condition';
}

const TYPE_NAMES: Record<ValueType, string> = {
  number: 'a number',
  money: 'money',
  percent: 'a percentage',
  probability: 'a probability',
  date: 'a date',
  duration: 'a duration',
  string: 'a string',
  boolean: 'a condition (true or false)',
};

export function typeName(type: ValueType): string {
  return TYPE_NAMES[type];
}

const ARTICLES: Record<DefinitionKind, string> = {
  connection: 'a connection',
  source: 'a source',
  split: 'a split',
  model: 'a model',
  value: 'a value',
  segments: 'a segments definition',
  table: 'a table',
};

export function kindName(kind: DefinitionKind): string {
  return ARTICLES[kind];
}
