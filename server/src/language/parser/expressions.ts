// Conditions (segment rules, `where` filters): `or` binds loosest, then `and`, then `not`,
// then one predicate — a comparison, `in top|bottom N[%]`, `between A and B` — over operands
// (metrics, literals, `percentile N of metric`, parenthesised conditions).
import type { CompareOp, Expression, Identifier, PercentileExpr } from '../ast';
import type { Cursor } from './cursor';
import { numberLiteral, parseLiteral, percentLiteral } from './literals';

/** Words that cannot be a metric name inside a condition. */
const CONDITION_WORDS = new Set(['and', 'or', 'not', 'in', 'between', 'when', 'otherwise']);

export function parseCondition(p: Cursor): Expression | null {
  return parseOr(p);
}

function parseOr(p: Cursor): Expression | null {
  return parseLogical(p, 'or', parseAnd);
}

function parseAnd(p: Cursor): Expression | null {
  return parseLogical(p, 'and', parseNot);
}

function parseLogical(p: Cursor, op: 'and' | 'or', operand: (p: Cursor) => Expression | null): Expression | null {
  let left = operand(p);
  while (left && p.atWord(op)) {
    p.bump();
    // A long condition may continue on the next line after `and` / `or`.
    p.skipNewlines();
    const right = operand(p);
    left = { kind: 'Logical', op, left, right, start: left.start, end: p.lastEnd };
  }
  return left;
}

function parseNot(p: Cursor): Expression | null {
  if (!p.atWord('not')) return parsePredicate(p);
  const start = p.bump().start;
  const operand = parseNot(p);
  return { kind: 'Not', operand, start, end: p.lastEnd };
}

function parsePredicate(p: Cursor): Expression | null {
  const subject = parseOperand(p);
  if (!subject) return null;
  const start = subject.start;
  const t = p.token;
  if (t.kind === 'Op') {
    p.bump();
    const right = parseOperand(p);
    return { kind: 'Compare', op: t.text as CompareOp, opRange: t.range, left: subject, right, start, end: p.lastEnd };
  }
  if (p.atWord('in')) {
    p.bump();
    let direction: 'top' | 'bottom' = 'top';
    if (p.atWord('top') || p.atWord('bottom')) direction = p.bump().text as 'top' | 'bottom';
    else p.errorExpected('`top` or `bottom` after `in`');
    let amount = null;
    if (p.at('Percent')) amount = percentLiteral(p.bump());
    else if (p.at('Number')) amount = numberLiteral(p.bump());
    else p.errorExpected('a percentage (`10%`) or a count of customers');
    return { kind: 'Rank', subject, direction, amount, start, end: p.lastEnd };
  }
  if (p.atWord('between')) {
    p.bump();
    const low = parseOperand(p);
    let high = null;
    if (low && p.expectWord('and')) high = parseOperand(p);
    return { kind: 'Between', subject, low, high, start, end: p.lastEnd };
  }
  return subject;
}

function parseOperand(p: Cursor): Expression | null {
  const t = p.token;
  if (t.kind === 'LParen') {
    p.bump();
    const inner = p.insideParens(() => parseOr(p));
    p.expect('RParen', '`)`');
    return { kind: 'Paren', inner, start: t.start, end: p.lastEnd };
  }
  const literal = parseLiteral(p);
  if (literal) return literal;
  if (t.kind === 'Ident' && t.text === 'percentile') return parsePercentile(p);
  if (t.kind === 'Ident' && !CONDITION_WORDS.has(t.text)) {
    p.bump();
    const name: Identifier = { kind: 'Identifier', name: t.text, start: t.start, end: t.end };
    return name;
  }
  p.errorExpected('a metric or a value');
  return null;
}

function parsePercentile(p: Cursor): PercentileExpr {
  const start = p.bump().start;
  let rank = null;
  let metric = null;
  if (p.at('Number')) rank = numberLiteral(p.bump());
  else p.errorExpected('a percentile rank (0 to 100) after `percentile`');
  if (rank && p.expectWord('of')) metric = p.identifier('a metric after `of`');
  return { kind: 'Percentile', rank, metric, start, end: p.lastEnd };
}
