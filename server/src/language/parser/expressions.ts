// Conditions (segment rules, `where` filters): `or` binds loosest, then `and`, then `not`,
// then one predicate — a comparison, `in top|bottom N[%]`, `in (A, B, …)`, `between A and B` — over operands
// (metrics, literals, `percentile N of metric`, parenthesised conditions).
import type { CompareOp, Expression, Identifier, PercentileExpr } from '../ast';
import type { Cursor } from './cursor';
import { numberLiteral, parseLiteral, percentLiteral } from './literals';
import { trimmed } from '../trimmed';
import { RESERVED_IN_CONDITIONS } from '../catalog/keywords';

const CONDITION_WORDS: ReadonlySet<string> = new Set(RESERVED_IN_CONDITIONS);

/**
 * How deep a condition's tree may be: each `(`, `not` and each term joined by `and`/`or`
 * is a level. Everything that reads a tree (checker, formatter, kernel, editor features)
 * walks it recursively, so a deeper condition is reported and left out of the tree rather
 * than parsed: 900 nested parentheses or 5,000 chained `and`s would overflow their stacks.
 */
export const MAX_CONDITION_DEPTH = 256;

const TOO_DEEP = `this condition nests more than ${MAX_CONDITION_DEPTH} levels deep (parentheses, \`not\`, terms joined by \`and\`/\`or\`); split it into simpler rules or named segments`;

export function parseCondition(p: Cursor): Expression | null {
  const start = p.token.start;
  const condition = parseOr(p);
  if (!condition || depthOf(condition) <= MAX_CONDITION_DEPTH) return condition;
  p.error({ start, end: condition.end }, 'condition-too-deep', TOO_DEEP);
  return null;
}

/** The levels of `and`/`or`, `not` and parentheses in a condition, counted without recursion. */
function depthOf(root: Expression): number {
  let deepest = 0;
  const stack: [Expression | null, number][] = [[root, 0]];
  while (stack.length) {
    const [node, above] = stack.pop()!;
    if (!node) continue;
    const depth = above + (node.kind === 'Logical' || node.kind === 'Not' || node.kind === 'Paren' ? 1 : 0);
    deepest = Math.max(deepest, depth);
    for (const child of childrenOf(node)) stack.push([child, depth]);
  }
  return deepest;
}

function childrenOf(node: Expression): (Expression | null)[] {
  switch (node.kind) {
    case 'Logical':
    case 'Compare':
      return [node.left, node.right];
    case 'Not':
      return [node.operand];
    case 'Paren':
      return [node.inner];
    case 'Rank':
      return [node.subject];
    case 'Between':
      return [node.subject, node.low, node.high];
    case 'InList':
      return [node.subject, ...node.items];
    default:
      return [];
  }
}

/**
 * Parses the part after `(` or `not` one level deeper. Past the limit it skips to the `)` that
 * closes the enclosing level (which `parseCondition` then reports), so recursion stays bounded.
 */
function nested(p: Cursor, parse: () => Expression | null): Expression | null {
  if (p.nesting >= MAX_CONDITION_DEPTH) {
    for (let open = 0; !p.atLineEnd() && !p.at('RBrace') && !(open === 0 && p.at('RParen')); p.bump()) {
      if (p.at('LParen')) open++;
      else if (p.at('RParen')) open--;
    }
    return null;
  }
  p.nesting++;
  try {
    return parse();
  } finally {
    p.nesting--;
  }
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
  const operand = nested(p, () => parseNot(p));
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
    if (p.at('LParen')) return parseList(p, subject);
    let direction: 'top' | 'bottom' = 'top';
    if (p.atWord('top') || p.atWord('bottom')) direction = p.bump().text as 'top' | 'bottom';
    else p.errorExpected('`top` or `bottom` after `in`, or a list of values in parentheses');
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

/**
 * `in ("A", "B", …)`: values separated by commas. A line may break after `(` and after each
 * comma (a label starting a line is a list item there, not the next segment rule).
 */
function parseList(p: Cursor, subject: Expression): Expression {
  p.bump();
  const items: Expression[] = [];
  p.insideParens(() => {
    for (;;) {
      p.skipNewlines();
      if (p.at('RParen') || p.at('EOF') || p.at('RBrace')) break;
      const item = parseOperand(p);
      if (!item) break;
      items.push(item);
      if (!p.at('Comma')) break;
      p.bump();
    }
  });
  if (items.length === 0) p.errorExpected('a value in the list');
  p.expect('RParen', '`)`');
  return { kind: 'InList', subject, items: trimmed(items), start: subject.start, end: p.lastEnd };
}

function parseOperand(p: Cursor): Expression | null {
  const t = p.token;
  if (t.kind === 'LParen') {
    p.bump();
    const inner = p.insideParens(() => nested(p, () => parseOr(p)));
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
