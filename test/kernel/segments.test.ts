import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { parseCell, type SegmentsStatement } from '../../server/src/language';
import type { CustomerTable } from '../../server/src/kernel/evaluate/context';
import { ConditionError } from '../../server/src/kernel/evaluate/conditions';
import { metricFrame } from '../../server/src/kernel/evaluate/frame';
import { assignSegments, summariseSegments, UNMATCHED } from '../../server/src/kernel/evaluate/segment-rules';

// Ten customers; clv 1..10, so "top 10%" is exactly customer 10.
const customers: CustomerTable = {
  table: aq.table({
    customer: Array.from({ length: 10 }, (_, i) => `c${i + 1}`),
    clv: Float64Array.from({ length: 10 }, (_, i) => i + 1),
    p_alive: Float64Array.from([0.9, 0.8, 0.1, 0.2, 0.95, 0.5, 0.5, 0.05, 0.6, 0.75]),
    recency: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
    monetary: Float64Array.from([NaN, 10, 20, 30, 40, 50, 60, 70, 80, 90]),
  }),
  columns: new Map(),
  unit: 'weeks',
  valueMetric: 'clv',
};

function segments(text: string) {
  const parsed = parseCell(text);
  assert.deepEqual(parsed.errors, []);
  const statement = parsed.statements[0] as SegmentsStatement;
  return assignSegments(statement, text, metricFrame(customers));
}

function members(a: ReturnType<typeof segments>, label: string): string[] {
  const index = a.labels.indexOf(label);
  return [...a.segmentOf].flatMap((s, i) => (s === index ? [`c${i + 1}`] : []));
}

describe('kernel segment rules', () => {
  it('assigns first match wins, ranking over the whole base', () => {
    const a = segments(`segments t on clv {
  "Top" when clv in top 20% and p_alive > 0.7
  "Alive" when p_alive >= 75%
  "Rest" otherwise
}`);
    // c9 is in the top 20% but p_alive 0.6; c10 qualifies. "Alive" sees every customer not already taken.
    assert.deepEqual(members(a, 'Top'), ['c10']);
    assert.deepEqual(members(a, 'Alive'), ['c1', 'c2', 'c5']);
    assert.equal(members(a, 'Rest').length, 6);
    assert.deepEqual(a.rules, ['clv in top 20% and p_alive > 0.7', 'p_alive >= 75%', 'otherwise']);
  });

  it('converts durations to the split unit and compares dates, strings, between, not, percentile', () => {
    const a = segments(`segments t on clv {
  "Recent" when recency < 1 month
  "Named" when customer = "c7"
  "Mid" when clv between 8 and 9 and not (p_alive < 0.1)
  "High spend" when monetary > percentile 80 of monetary
}`);
    // 1 month = 4.35 weeks.
    assert.deepEqual(members(a, 'Recent'), ['c1', 'c2', 'c3', 'c4', 'c5']);
    assert.deepEqual(members(a, 'Named'), ['c7']);
    assert.deepEqual(members(a, 'Mid'), ['c9']);
    // percentile 80 of the 9 defined monetary values (10..90) is 74; NaN never matches.
    assert.deepEqual(members(a, 'High spend'), ['c10']);
    assert.equal(a.labels.at(-1), UNMATCHED);
    assert.deepEqual(members(a, UNMATCHED), ['c6', 'c8']);
  });

  it('keeps ties at the boundary of a ranking together and ignores missing values', () => {
    const a = segments(`segments t on clv {
  "Low p" when p_alive in bottom 10%
  "Low m" when monetary in bottom 1
}`);
    assert.deepEqual(members(a, 'Low p'), ['c8']);
    assert.deepEqual(members(a, 'Low m'), ['c2']);
  });

  it('summarises counts and value shares that add up', () => {
    const a = segments(`segments t on clv {
  "Top" when clv in top 30%
  "Rest" otherwise
}`);
    const p = summariseSegments(
      't',
      'clv',
      a,
      customers.table.column('clv') as Float64Array,
      customers.table.column('p_alive') as Float64Array,
    );
    assert.equal(p.totalCustomers, 10);
    assert.equal(p.totalValue, 55);
    assert.deepEqual(
      p.segments.map((s) => [s.name, s.customers, s.value]),
      [
        ['Top', 3, 27],
        ['Rest', 7, 28],
      ],
    );
    assert.equal(p.segments[0].meanValue, 9);
    assert.ok(Math.abs(p.segments[0].meanPAlive! - (0.05 + 0.6 + 0.75) / 3) < 1e-12);
    assert.equal(
      p.segments.reduce((s, x) => s + x.share, 0),
      1,
    );
  });

  it('reports a metric nothing computes, with its place', () => {
    const text = `segments t on clv {\n  "X" when expected_spend > 3\n}`;
    assert.throws(
      () => assignSegments(parseCell(text).statements[0] as SegmentsStatement, text, metricFrame(customers)),
      (e: Error) =>
        e instanceof ConditionError &&
        /expected_spend/.test(e.message) &&
        text.slice(e.range.start, e.range.end) === 'expected_spend',
    );
  });
});
