// Types and units in conditions. Every sub-expression gets a type; comparisons need
// compatible types (money and numbers mix, a probability compares with a number in [0, 1] or
// a percent), a duration never compares with a bare number (the message gives the number
// with the split's unit), and `and`/`or`/`not` take conditions.
import type { Expression, Identifier, NumberLiteral, PercentLiteral, Range, SourceStatement } from '../ast';
import { METRICS, metricInfo, type MetricRequirement, type ValueType } from '../catalog/metrics';
import { didYouMean, suggest } from '../suggest';
import { quoteString } from '../string-literal';
import { suggestionData, type CheckContext } from './context';
import { expressionText, typeName } from './describe';
import type { Facts } from './facts';
import { checkDateLiteral } from './dates';

/** What names in a condition mean: customer metrics (on `facts`, when known) or a source's columns. */
export type ConditionScope =
  | { kind: 'metrics'; facts: Facts | undefined; target: string }
  | { kind: 'columns'; source: SourceStatement; columns: Set<string> | undefined };

/** `any`: unknown (a column, or after an error): accepted everywhere, so one mistake gives one message. */
type Type = ValueType | 'any';

export function checkCondition(ctx: CheckContext, condition: Expression | null, scope: ConditionScope): void {
  if (!condition) return;
  const type = typeOf(ctx, condition, scope);
  requireCondition(ctx, condition, type);
}

function requireCondition(ctx: CheckContext, e: Expression, type: Type): void {
  if (type === 'boolean' || type === 'any') return;
  const text = expressionText(e);
  ctx.error(
    e,
    'not-a-condition',
    `\`${text}\` is ${typeName(type)}, not a condition; compare it, e.g. \`${text} > 0\``,
  );
}

function typeOf(ctx: CheckContext, e: Expression, scope: ConditionScope): Type {
  switch (e.kind) {
    case 'Identifier':
      return nameType(ctx, e, scope);
    case 'Number':
      return 'number';
    case 'Percent':
      return 'percent';
    case 'String':
      return 'string';
    case 'Boolean':
      return 'boolean';
    case 'Date':
      checkDateLiteral(ctx, e);
      return 'date';
    case 'Duration':
      return 'duration';
    case 'Rate':
      ctx.error(e, 'type-mismatch', 'a rate (`… per …`) cannot appear in a condition');
      return 'any';
    case 'Percentile':
      if (e.rank && (e.rank.value < 0 || e.rank.value > 100))
        ctx.error(e.rank, 'out-of-range', `a percentile is between 0 and 100, found ${e.rank.raw}`);
      return e.metric ? rankable(ctx, e.metric, nameType(ctx, e.metric, scope), 'percentile') : 'any';
    case 'Paren':
      return e.inner ? typeOf(ctx, e.inner, scope) : 'any';
    case 'Not':
      if (e.operand) requireCondition(ctx, e.operand, typeOf(ctx, e.operand, scope));
      return 'boolean';
    case 'Logical':
      requireCondition(ctx, e.left, typeOf(ctx, e.left, scope));
      if (e.right) requireCondition(ctx, e.right, typeOf(ctx, e.right, scope));
      return 'boolean';
    case 'Compare': {
      const left = typeOf(ctx, e.left, scope);
      if (!e.right) return 'boolean';
      const right = typeOf(ctx, e.right, scope);
      if (e.op === '=' || e.op === '!=') {
        checkLabel(ctx, e.left, e.right, scope);
        checkLabel(ctx, e.right, e.left, scope);
      }
      if (
        compatible(ctx, e.left, left, e.right, right, scope) &&
        e.op !== '=' &&
        e.op !== '!=' &&
        (left === 'string' || left === 'boolean')
      ) {
        ctx.error(
          e.opRange,
          'type-mismatch',
          `\`${e.op}\` orders numbers, dates and durations; ${typeName(left)} can only be compared with = or !=`,
        );
      }
      return 'boolean';
    }
    case 'Rank': {
      rankable(ctx, e.subject, typeOf(ctx, e.subject, scope), `in ${e.direction}`);
      const amount = e.amount;
      if (amount?.kind === 'Percent' && (amount.value <= 0 || amount.value > 100)) {
        ctx.error(
          amount,
          'out-of-range',
          `a share of customers is greater than 0% and at most 100%, found ${amount.raw}%`,
        );
      } else if (amount?.kind === 'Number' && (amount.value < 1 || !Number.isInteger(amount.value))) {
        ctx.error(
          amount,
          'out-of-range',
          `a count of customers is a whole number of at least 1, found ${amount.raw}; for a share write \`${amount.raw}%\``,
        );
      }
      return 'boolean';
    }
    case 'InList': {
      const subject = typeOf(ctx, e.subject, scope);
      for (const item of e.items) {
        compatible(ctx, e.subject, subject, item, typeOf(ctx, item, scope), scope);
        checkLabel(ctx, e.subject, item, scope);
      }
      return 'boolean';
    }
    case 'Between': {
      const subject = typeOf(ctx, e.subject, scope);
      if (e.low) compatible(ctx, e.subject, subject, e.low, typeOf(ctx, e.low, scope), scope);
      if (e.high) compatible(ctx, e.subject, subject, e.high, typeOf(ctx, e.high, scope), scope);
      if (
        e.low &&
        e.high &&
        numeric(e.low) !== undefined &&
        numeric(e.high) !== undefined &&
        numeric(e.low)! > numeric(e.high)!
      ) {
        ctx.warning(
          e,
          'empty-range',
          `this range is empty: ${expressionText(e.low)} is greater than ${expressionText(e.high)}`,
        );
      }
      return 'boolean';
    }
  }
}

/**
 * `segment = "Loyal"`: the label must be one of the segments definition's labels, else the
 * comparison is silently false for everyone (an empty table, an empty export).
 */
function checkLabel(ctx: CheckContext, subject: Expression, value: Expression | null, scope: ConditionScope): void {
  const segments = scope.kind === 'metrics' ? scope.facts?.segments : undefined;
  if (!segments || subject.kind !== 'Identifier' || subject.name !== 'segment' || value?.kind !== 'String') return;
  const labels = segments.rules.map((r) => r.label.value);
  if (labels.includes(value.value)) return;
  const suggestions = suggest(value.value, labels);
  ctx.error(
    value,
    'unknown-segment',
    `no segment ${value.raw} in \`${segments.name?.name}\`${suggestions.length ? `; did you mean ${quoteString(suggestions[0])}?` : `; its segments are ${labels.map(quoteString).join(', ')}`}`,
    suggestions.length
      ? { replacement: quoteString(suggestions[0]), candidates: suggestions.map(quoteString) }
      : undefined,
  );
}

function numeric(e: Expression): number | undefined {
  return e.kind === 'Number' ? e.value : e.kind === 'Percent' ? e.value / 100 : undefined;
}

const ORDERED: Type[] = ['number', 'money', 'percent', 'probability', 'date', 'duration', 'any'];

function rankable(ctx: CheckContext, subject: Expression, type: Type, what: string): Type {
  if (!ORDERED.includes(type))
    ctx.error(
      subject,
      'type-mismatch',
      `\`${what}\` ranks customers by an ordered metric; \`${expressionText(subject)}\` is ${typeName(type as ValueType)}`,
    );
  return type;
}

const NUMERIC: Type[] = ['number', 'money'];

/**
 * Whether two operands can be compared; reports why not (with the unit to add when a
 * duration meets a bare number). Returns false after reporting.
 */
function compatible(
  ctx: CheckContext,
  a: Expression,
  ta: Type,
  b: Expression,
  tb: Type,
  scope: ConditionScope,
): boolean {
  if (ta === 'any' || tb === 'any') return true;
  if (ta === tb && ta !== 'probability') return true;
  if (NUMERIC.includes(ta) && NUMERIC.includes(tb)) return true;
  if (ta === 'probability' || tb === 'probability') {
    const [p, other, to] = ta === 'probability' ? [a, b, tb] : [b, a, ta];
    if (to === 'probability') return true;
    if (other.kind === 'Number' || other.kind === 'Percent') return checkProbability(ctx, p, other);
    if (to === 'number' || to === 'percent') return true;
  }
  if (ta === 'duration' && b.kind === 'Number') return missingUnit(ctx, a, b, scope);
  if (tb === 'duration' && a.kind === 'Number') return missingUnit(ctx, b, a, scope);
  ctx.error(
    spanOf(a, b),
    'type-mismatch',
    `cannot compare \`${expressionText(a)}\` (${typeName(ta)}) with \`${expressionText(b)}\` (${typeName(tb)})`,
  );
  return false;
}

function checkProbability(ctx: CheckContext, p: Expression, value: NumberLiteral | PercentLiteral): boolean {
  const x = value.kind === 'Percent' ? value.value / 100 : value.value;
  if (x >= 0 && x <= 1) return true;
  const hint =
    value.kind === 'Number' && value.value > 1 && value.value <= 100
      ? `; write \`${value.raw}%\` or \`${+(value.value / 100).toPrecision(12)}\``
      : '';
  ctx.error(
    value,
    'out-of-range',
    `\`${expressionText(p)}\` is a probability between 0 and 1; ${value.kind === 'Percent' ? value.raw + '%' : value.raw} is out of range${hint}`,
    hint ? { replacement: `${value.raw}%` } : undefined,
  );
  return false;
}

function missingUnit(ctx: CheckContext, duration: Expression, number: NumberLiteral, scope: ConditionScope): boolean {
  const unit = scope.kind === 'metrics' ? (scope.facts?.unit ?? 'weeks') : 'weeks';
  const replacement = `${number.raw} ${unit}`;
  ctx.error(number, 'missing-unit', `${expressionText(duration)} is a duration; write \`${replacement}\``, {
    replacement,
  });
  return false;
}

function spanOf(a: Range, b: Range): Range {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

const REQUIREMENTS: Record<MetricRequirement, (f: Facts) => boolean> = {
  transactions: (f) => f.sourceKind === 'transactions' || f.sourceKind === 'summary',
  amount: (f) => f.hasAmount,
  'purchase-model': (f) => f.hasPurchaseModel,
  'spend-model': (f) => f.hasSpendModel,
  value: (f) => f.hasValue,
  segments: (f) => f.hasSegments,
  holdout: (f) => f.hasHoldout,
  horizon: (f) => f.hasValue || f.hasHorizon || f.hasHoldout,
  intervals: (f) => f.hasIntervals,
  dates: (f) => f.hasDates,
};

const REQUIREMENT_TEXT: Record<MetricRequirement, string> = {
  transactions: 'customer transactions',
  amount: 'spend amounts (an `amount` mapping in the source)',
  'purchase-model': 'a purchase model (bgnbd, pareto_nbd, mbgnbd or bgbb)',
  'spend-model': 'a spend model (gamma_gamma) in the value',
  value: 'a value (lifetime_value)',
  segments: 'a segments definition',
  holdout: 'a split with a holdout period',
  horizon:
    'a horizon: set `horizon` on the purchase model (e.g. `horizon 12 months`), split with a holdout, or use a value',
  dates: 'a transaction source with dates',
  intervals: 'a purchase model with `intervals` (e.g. `intervals 90%`)',
};

/** Resolves a name in a condition (or a table's columns) to its type; reports unknown and unavailable metrics. */
export function nameType(ctx: CheckContext, name: Identifier, scope: ConditionScope): Type {
  if (scope.kind === 'columns') {
    ctx.reference(name.name, name, 'column');
    if (scope.columns && !scope.columns.has(name.name)) {
      const suggestions = suggest(name.name, scope.columns);
      ctx.error(
        name,
        'unknown-column',
        `no column \`${name.name}\` in source \`${scope.source.name?.name}\`${didYouMean(suggestions)}`,
        suggestionData(suggestions),
      );
    }
    return 'any';
  }
  const metric = metricInfo(name.name);
  if (!metric) {
    const suggestions = suggest(
      name.name,
      METRICS.map((m) => m.name),
    );
    ctx.error(
      name,
      'unknown-metric',
      `unknown metric \`${name.name}\`${didYouMean(suggestions)}`,
      suggestionData(suggestions),
    );
    return 'any';
  }
  ctx.reference(name.name, name, 'metric');
  const facts = scope.facts;
  const missing = facts ? metric.requires.find((r) => !REQUIREMENTS[r](facts)) : undefined;
  if (missing) {
    ctx.error(
      name,
      'metric-unavailable',
      `\`${name.name}\` is not available on \`${scope.target}\`: it needs ${REQUIREMENT_TEXT[missing]}`,
    );
    return 'any';
  }
  return metric.type;
}
