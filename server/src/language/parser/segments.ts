// `segments NAME on TARGET { rules }`: one rule per line, `"Label" when CONDITION` or
// `"Label" otherwise`. Rules are ordered: a customer gets the first rule that matches.
import type { SegmentRule, SegmentsStatement } from '../ast';
import { describe, type Cursor } from './cursor';
import { parseCondition } from './expressions';
import { parseBraced } from './braced';
import { checkString, stringLiteral } from './literals';

export function parseSegments(p: Cursor, start: number): SegmentsStatement {
  const name = p.identifier('a name after `segments`');
  let on = null;
  if (name && p.expectWord('on')) on = p.identifier('the definition to segment (usually a value)');
  if (!on) p.skipLine('LBrace');
  if (!p.at('LBrace')) {
    if (on) p.errorExpected('`{` to open the segment rules');
    return { kind: 'Segments', name, on, rules: [], openBrace: null, closed: false, start, end: p.lastEnd };
  }
  const { items, open, closed } = parseBraced(p, parseRule, 'rule');
  return { kind: 'Segments', name, on, rules: items, openBrace: open, closed, start, end: p.lastEnd };
}

function parseRule(p: Cursor): SegmentRule | null {
  const t = p.token;
  if (t.kind !== 'String') {
    p.error(
      t,
      'expected-token',
      `expected a rule: a quoted segment label then \`when\` or \`otherwise\`, found ${describe(t)}`,
    );
    p.skipLine('RBrace');
    return null;
  }
  p.bump();
  checkString(p, t);
  const label = stringLiteral(t);
  const start = t.start;
  if (p.atWord('otherwise')) {
    const otherwise = p.bump().range;
    return { kind: 'Rule', label, condition: null, otherwise, start, end: p.lastEnd };
  }
  if (!p.expectWord('when')) {
    p.skipLine('RBrace');
    return { kind: 'Rule', label, condition: null, otherwise: null, start, end: label.end };
  }
  const condition = parseCondition(p);
  return { kind: 'Rule', label, condition, otherwise: null, start, end: p.lastEnd };
}
