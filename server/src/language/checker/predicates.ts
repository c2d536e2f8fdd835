// Single predicates on one metric, and when one implies another: the logic behind
// unreachable segment rules. Deliberately partial: it proves only the simple cases (a
// comparison with a literal, a top/bottom rank) and says "no" otherwise, so it never warns
// about a rule that can match.
import type { CompareOp, Expression, Literal } from '../ast';
import { UNIT_DAYS } from '../../models/summary/units';
import { literalText } from './describe';

export type Predicate =
  | { kind: 'compare'; metric: string; op: '<' | '<=' | '>' | '>='; value: number; scale: Scale; text: string }
  | { kind: 'rank'; metric: string; direction: 'top' | 'bottom'; share: boolean; amount: number; text: string };

/** The `and`-terms of a condition (parentheses removed). */
export function conjuncts(e: Expression): Expression[] {
  const inner = unparen(e);
  if (inner.kind === 'Logical' && inner.op === 'and')
    return [...conjuncts(inner.left), ...(inner.right ? conjuncts(inner.right) : [])];
  return [inner];
}

function unparen(e: Expression): Expression {
  return e.kind === 'Paren' && e.inner ? unparen(e.inner) : e;
}

const FLIP: Record<string, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The condition as one predicate on one metric, if it is one. */
export function singlePredicate(e: Expression): Predicate | undefined {
  const x = unparen(e);
  if (x.kind === 'Rank' && x.subject.kind === 'Identifier' && x.amount) {
    const share = x.amount.kind === 'Percent';
    return {
      kind: 'rank',
      metric: x.subject.name,
      direction: x.direction,
      share,
      amount: x.amount.value,
      text: `${x.subject.name} in ${x.direction} ${x.amount.raw}${share ? '%' : ''}`,
    };
  }
  if (x.kind !== 'Compare' || !x.right) return undefined;
  let [metric, literal, op] = [x.left, x.right, x.op];
  if (metric.kind !== 'Identifier') [metric, literal, op] = [x.right, x.left, FLIP[x.op] ?? x.op];
  if (metric.kind !== 'Identifier' || op === '=' || op === '!=') return undefined;
  const value = ordinal(literal);
  if (!value) return undefined;
  return {
    kind: 'compare',
    metric: metric.name,
    op,
    ...value,
    text: `${metric.name} ${op} ${literalText(literal as Literal)}`,
  };
}

/** Literals on different scales never imply each other (a date bound says nothing about a number bound). */
type Scale = 'number' | 'duration' | 'date';

/** A literal as a number that orders like the value (durations in days, dates as time). */
function ordinal(e: Expression): { value: number; scale: Scale } | undefined {
  switch (e.kind) {
    case 'Number':
      return { value: e.value, scale: 'number' };
    case 'Percent':
      return { value: e.value / 100, scale: 'number' };
    case 'Duration':
      return { value: e.amount.value * UNIT_DAYS[e.unit.unit], scale: 'duration' };
    case 'Date':
      return { value: Date.parse(e.value), scale: 'date' };
    default:
      return undefined;
  }
}

/** Whether every customer satisfying `narrow` also satisfies `broad`. */
export function implies(narrowExpr: Expression, broad: Predicate): boolean {
  const narrow = singlePredicate(narrowExpr);
  if (!narrow || narrow.metric !== broad.metric) return false;
  if (narrow.kind === 'rank' && broad.kind === 'rank') {
    return narrow.direction === broad.direction && narrow.share === broad.share && narrow.amount <= broad.amount;
  }
  if (narrow.kind !== 'compare' || broad.kind !== 'compare' || narrow.scale !== broad.scale) return false;
  const up = (op: string) => op === '>' || op === '>=';
  if (up(narrow.op) !== up(broad.op)) return false;
  // For `>`: narrow ⊆ broad when narrow's bound is at least broad's, strictly more when broad is
  // strict and narrow is not.
  const [n, b] = up(broad.op) ? [narrow.value, broad.value] : [-narrow.value, -broad.value];
  const broadStrict = broad.op === '>' || broad.op === '<';
  const narrowStrict = narrow.op === '>' || narrow.op === '<';
  return n > b || (n === b && (narrowStrict || !broadStrict));
}

export function predicateText(p: Predicate): string {
  return p.text;
}
