// Segments: ordered rules, first match wins. Every rule's condition is evaluated over the
// whole base (so "in top 10%" means the top 10% of all customers, not of those left over by
// earlier rules); each customer then takes the first rule that holds for them.
import type { SegmentsStatement } from '../../language';
import type { SegmentsPayload } from '../output-types';
import { conditionMask, type MetricFrame } from './conditions';

/** Label given to customers no rule matched (only possible without an `otherwise`). */
export const UNMATCHED = '(no rule matched)';

export interface SegmentAssignment {
  /** Segment labels in rule order (plus UNMATCHED last when some customer matched none). */
  labels: string[];
  /** Rule text per label, as written (`otherwise` for the catch-all). */
  rules: string[];
  /** Index into `labels` per customer. */
  segmentOf: Int32Array;
}

export function assignSegments(statement: SegmentsStatement, cellText: string, frame: MetricFrame): SegmentAssignment {
  const segmentOf = new Int32Array(frame.rows).fill(-1);
  const labels: string[] = [];
  const rules: string[] = [];
  let left = frame.rows;
  for (const rule of statement.rules) {
    const index = labels.length;
    labels.push(rule.label.value);
    if (rule.condition) {
      rules.push(cellText.slice(rule.condition.start, rule.condition.end));
      const mask = conditionMask(rule.condition, frame);
      for (let i = 0; i < frame.rows; i++) {
        if (segmentOf[i] === -1 && mask[i]) {
          segmentOf[i] = index;
          left--;
        }
      }
    } else {
      rules.push('otherwise');
      for (let i = 0; i < frame.rows; i++) if (segmentOf[i] === -1) segmentOf[i] = index;
      left = 0;
    }
  }
  if (left > 0) {
    const index = labels.length;
    labels.push(UNMATCHED);
    rules.push('');
    for (let i = 0; i < frame.rows; i++) if (segmentOf[i] === -1) segmentOf[i] = index;
  }
  return { labels, rules, segmentOf };
}

/**
 * Per-segment counts and value shares. `value` is the metric the segments are measured on
 * (usually clv); `pAlive` is optional (absent for summary-free values such as sBG cohorts).
 */
export function summariseSegments(
  name: string,
  valueMetric: string,
  a: SegmentAssignment,
  value: Float64Array,
  pAlive?: Float64Array,
): SegmentsPayload {
  const k = a.labels.length;
  const count = new Float64Array(k);
  const valueSum = new Float64Array(k);
  const aliveSum = new Float64Array(k);
  let totalValue = 0;
  for (let i = 0; i < a.segmentOf.length; i++) {
    const s = a.segmentOf[i];
    count[s]++;
    const v = Number.isFinite(value[i]) ? value[i] : 0;
    valueSum[s] += v;
    totalValue += v;
    if (pAlive) aliveSum[s] += pAlive[i];
  }
  const total = a.segmentOf.length;
  return {
    name,
    valueMetric,
    totalCustomers: total,
    totalValue,
    segments: a.labels.map((label, s) => ({
      name: label,
      rule: a.rules[s],
      customers: count[s],
      share: total ? count[s] / total : 0,
      value: valueSum[s],
      valueShare: totalValue ? valueSum[s] / totalValue : 0,
      meanValue: count[s] ? valueSum[s] / count[s] : 0,
      meanPAlive: pAlive && count[s] ? aliveSum[s] / count[s] : null,
    })),
  };
}
