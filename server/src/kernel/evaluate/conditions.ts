// Vectorised evaluation of segment (and table `where`) conditions over the per-customer
// columns: each condition becomes a 0/1 mask over all customers in one pass per operator,
// never a per-row interpreter walk. Ranking predicates (`in top 10%`) and `percentile`
// rank over the whole customer base, as the language defines.
import { metricInfo, type Expression, type RankExpr, type TimeUnit } from '../../language';
import { convertDuration } from '../../models';
import { isoToDays } from '../units';
import { quantile, sortedFinite } from '../stats';

/** The per-customer columns a condition reads. */
export interface MetricFrame {
  rows: number;
  /** Numeric metrics as Float64Array (dates in days since epoch), text metrics as string[]. */
  column(name: string): Float64Array | string[] | undefined;
  /** The split's time unit, in which duration metrics are measured. */
  unit: TimeUnit;
}

/** A condition the kernel cannot evaluate on this data; `range` points at the culprit. */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly range: { start: number; end: number },
  ) {
    super(message);
  }
}

type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'numbers'; values: Float64Array }
  | { kind: 'strings'; values: string[] };

function metricColumn(frame: MetricFrame, name: string, range: { start: number; end: number }): Operand {
  const canonical = metricInfo(name)?.aliasOf ?? name;
  const col = frame.column(canonical);
  if (!col)
    throw new ConditionError(`The metric "${name}" is not available here (nothing upstream computes it).`, range);
  return col instanceof Float64Array ? { kind: 'numbers', values: col } : { kind: 'strings', values: col };
}

function operand(expr: Expression, frame: MetricFrame): Operand {
  switch (expr.kind) {
    case 'Identifier':
      return metricColumn(frame, expr.name, expr);
    case 'Number':
      return { kind: 'number', value: expr.value };
    case 'Percent':
      return { kind: 'number', value: expr.value / 100 };
    case 'String':
      return { kind: 'string', value: expr.value };
    case 'Boolean':
      return { kind: 'number', value: expr.value ? 1 : 0 };
    case 'Date':
      return { kind: 'number', value: isoToDays(expr.value) };
    case 'Duration':
      return { kind: 'number', value: convertDuration(expr.amount.value, expr.unit.unit, frame.unit) };
    case 'Paren':
      if (expr.inner) return operand(expr.inner, frame);
      break;
    case 'Percentile': {
      if (!expr.rank || !expr.metric) break;
      const col = metricColumn(frame, expr.metric.name, expr.metric);
      if (col.kind !== 'numbers')
        throw new ConditionError(`"percentile" needs a numeric metric; "${expr.metric.name}" is text.`, expr);
      return { kind: 'number', value: quantile(sortedFinite(col.values), expr.rank.value / 100) };
    }
  }
  throw new ConditionError('This is a condition, not a value to compare.', expr);
}

const numberTests = {
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
  '=': (a: number, b: number) => a === b,
  '!=': (a: number, b: number) => a !== b && !Number.isNaN(a) && !Number.isNaN(b),
};

function at(o: Operand, i: number): number | string {
  return o.kind === 'numbers' || o.kind === 'strings' ? o.values[i] : o.value;
}

function compare(op: keyof typeof numberTests, left: Operand, right: Operand, rows: number): Uint8Array {
  const mask = new Uint8Array(rows);
  const textual = left.kind === 'string' || left.kind === 'strings';
  if (textual !== (right.kind === 'string' || right.kind === 'strings')) return mask; // the checker reports type mismatches
  const test = numberTests[op] as (a: number | string, b: number | string) => boolean;
  for (let i = 0; i < rows; i++) mask[i] = test(at(left, i), at(right, i)) ? 1 : 0;
  return mask;
}

/**
 * `in top k` / `in top N%`: customers whose value is at least the k-th largest. Customers tied
 * with the k-th value are all in (same value, same segment), so a group can exceed k when
 * many share the boundary value. Missing values (NaN) are never in.
 */
function rank(expr: RankExpr, frame: MetricFrame): Uint8Array {
  const subject = operand(expr.subject, frame);
  if (subject.kind !== 'numbers')
    throw new ConditionError('"in top"/"in bottom" needs a numeric metric.', expr.subject);
  if (!expr.amount) throw new ConditionError('How many? Write e.g. "in top 10%".', expr);
  const sorted = sortedFinite(subject.values);
  const k =
    expr.amount.kind === 'Percent'
      ? Math.round((sorted.length * expr.amount.value) / 100)
      : Math.min(sorted.length, Math.round(expr.amount.value));
  const mask = new Uint8Array(frame.rows);
  if (k <= 0) return mask;
  const top = expr.direction === 'top';
  const threshold = top ? sorted[sorted.length - k] : sorted[k - 1];
  const values = subject.values;
  for (let i = 0; i < frame.rows; i++) mask[i] = (top ? values[i] >= threshold : values[i] <= threshold) ? 1 : 0;
  return mask;
}

function combine(a: Uint8Array, b: Uint8Array, op: 'and' | 'or'): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = op === 'and' ? a[i] & b[i] : a[i] | b[i];
  return out;
}

function incomplete(range: { start: number; end: number }): ConditionError {
  return new ConditionError('This condition is incomplete.', range);
}

/** Evaluates a condition to a mask: 1 where the customer satisfies it. */
export function conditionMask(expr: Expression, frame: MetricFrame): Uint8Array {
  switch (expr.kind) {
    case 'Compare':
      if (!expr.right) throw incomplete(expr);
      return compare(expr.op, operand(expr.left, frame), operand(expr.right, frame), frame.rows);
    case 'Rank':
      return rank(expr, frame);
    case 'InList': {
      if (expr.items.length === 0) throw incomplete(expr);
      const subject = operand(expr.subject, frame);
      return expr.items
        .map((item) => compare('=', subject, operand(item, frame), frame.rows))
        .reduce((a, b) => combine(a, b, 'or'));
    }
    case 'Between': {
      if (!expr.low || !expr.high) throw incomplete(expr);
      const subject = operand(expr.subject, frame);
      const low = compare('>=', subject, operand(expr.low, frame), frame.rows);
      return combine(low, compare('<=', subject, operand(expr.high, frame), frame.rows), 'and');
    }
    case 'Logical':
      if (!expr.right) throw incomplete(expr);
      return combine(conditionMask(expr.left, frame), conditionMask(expr.right, frame), expr.op);
    case 'Not': {
      if (!expr.operand) throw incomplete(expr);
      const inner = conditionMask(expr.operand, frame);
      return inner.map((v) => 1 - v);
    }
    case 'Paren':
      if (!expr.inner) throw incomplete(expr);
      return conditionMask(expr.inner, frame);
    case 'Identifier':
    case 'Boolean': {
      // A boolean metric or literal on its own: true where it is 1.
      const o = operand(expr, frame);
      return compare('=', o, { kind: 'number', value: 1 }, frame.rows);
    }
    default:
      throw new ConditionError('This is a value, not a condition: compare it with something (e.g. "clv > 100").', expr);
  }
}
