// `segments tiers on clv { ... }`: assigns each customer of the value to the first rule that
// holds, adds the `segment` column to the per-customer table, and summarises the segments
// (counts, shares, value share, mean value and P(alive), the rule as written).
import { MIME, type OutputItem, type SegmentsPayload } from '../output-types';
import { customersOf, EvaluationError, type EvalContext, type StatementOutcome } from './context';
import { ConditionError } from './conditions';
import { columnValues, metricFrame } from './frame';
import { assignSegments, summariseSegments } from './segment-rules';

function segmentsText(p: SegmentsPayload): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const width = Math.max(...p.segments.map((s) => s.name.length));
  const lines = p.segments.map(
    (s) =>
      `  ${s.name.padEnd(width)}  ${String(s.customers).padStart(7)} customers (${pct(s.share).padStart(6)})  ${pct(s.valueShare).padStart(6)} of ${p.valueMetric}${s.valueLow !== undefined ? `  ${Math.round(s.value).toLocaleString('en-US')} [${Math.round(s.valueLow).toLocaleString('en-US')}, ${Math.round(s.valueHigh!).toLocaleString('en-US')}]` : ''}`,
  );
  return `Segments ${p.name} on ${p.valueMetric}: ${p.totalCustomers.toLocaleString('en-US')} customers\n${lines.join('\n')}`;
}

export function evaluateSegments(ctx: EvalContext): StatementOutcome {
  const statement = ctx.statement;
  if (statement.kind !== 'Segments' || !statement.name || !statement.on)
    throw new EvaluationError('Incomplete segments statement.');
  const base = customersOf(ctx.input(statement.on.name));
  if (!base)
    throw new EvaluationError(`Segments need per-customer values; "${statement.on.name}" has none.`, statement.on);
  let assignment;
  try {
    assignment = assignSegments(statement, ctx.cellText, metricFrame(base));
  } catch (err) {
    if (err instanceof ConditionError) throw new EvaluationError(err.message, err.range);
    throw err;
  }
  const valueMetric = base.valueMetric;
  const values = columnValues(base.table, valueMetric) as Float64Array;
  const pAlive = columnValues(base.table, 'p_alive') as Float64Array | undefined;
  const payload = summariseSegments(statement.name.name, valueMetric, assignment, values, pAlive);
  if (base.valueIntervals) {
    ctx.checkpoint(0, 'bootstrapping segment values');
    const bounds = base.valueIntervals.of({ of: assignment.segmentOf, count: assignment.labels.length });
    payload.intervalLevel = base.valueIntervals.level;
    payload.segments.forEach((s, i) => {
      s.valueLow = bounds[i].low;
      s.valueHigh = bounds[i].high;
    });
  }
  const labels = Array.from(assignment.segmentOf, (s) => assignment.labels[s]);
  const table = base.table.assign({ segment: labels });
  const columns = new Map(base.columns).set('segment', { name: 'segment', format: 'string' });
  const output: OutputItem = { data: { 'text/plain': segmentsText(payload), [MIME.segments]: payload } };
  return { value: { kind: 'segments', customers: { ...base, table, columns }, payload }, outputs: [output] };
}
