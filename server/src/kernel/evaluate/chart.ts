// `chart KIND of TARGET [by METRIC[, METRIC]]`: aggregates first, then builds the spec.
// Per-customer charts read the target's per-customer table; tracking, matrix and survival
// read the fitted model (model-charts.ts).
import type { ChartStatement, Range } from '../../language';
import { barChart } from '../charts/bar';
import { histogramChart } from '../charts/histogram';
import { lineChart, meansByBin } from '../charts/line';
import { lorenzChart } from '../charts/lorenz';
import { scatterChart } from '../charts/scatter';
import { MIME, type OutputItem, type VegaLiteSpec } from '../output-types';
import { lorenzCurve, sortedFinite, topShare } from '../stats';
import { customersOf, EvaluationError, type CustomerTable, type EvalContext, type StatementOutcome } from './context';
import { columnValues } from './frame';
import { matrixSpec, survivalSpec, trackingSpec } from './model-charts';
import { metricInfo } from '../../language';
import { chartTitle, customersMeasure, measureOf, metricLabel, type Measure } from '../charts/presentation';

function numericColumn(customers: CustomerTable, metric: string, range: Range): Float64Array {
  const name = metricInfo(metric)?.aliasOf ?? metric;
  const column = columnValues(customers.table, name);
  if (!(column instanceof Float64Array)) {
    throw new EvaluationError(
      column
        ? `"${metric}" is not a number; this chart needs numbers.`
        : `"${metric}" is not available for this chart (nothing upstream computes it).`,
      range,
    );
  }
  return column;
}

/** How a metric of the table appears in a chart, as field `field`. */
function measure(customers: CustomerTable, metric: string, field: string): Measure {
  return measureOf(field, metric, customers.columns.get(metricInfo(metric)?.aliasOf ?? metric));
}

function customerChart(
  kind: string,
  statement: ChartStatement,
  customers: CustomerTable,
  target: string,
  segmentOrder?: string[],
): { spec: VegaLiteSpec; summary: string } {
  const by = statement.by.map((b) => b.name);
  const range = statement.by[0] ?? statement;
  switch (kind) {
    case 'lorenz': {
      const metric = by[0] ?? customers.valueMetric;
      const sorted = sortedFinite(numericColumn(customers, metric, range));
      const share = topShare(sorted, 0.2);
      const label = metricLabel(metric);
      return {
        spec: lorenzChart(
          chartTitle(`share of ${label} held by the most valuable customers`, target, metric),
          label,
          lorenzCurve(sorted),
          share,
        ),
        summary: `Lorenz curve of ${metric}: the top 20% of customers hold ${(share * 100).toFixed(1)}% of it.`,
      };
    }
    case 'histogram': {
      const metric = by[0] ?? customers.valueMetric;
      const values = numericColumn(customers, metric, range);
      return {
        spec: histogramChart(
          chartTitle(`customers by ${metricLabel(metric)}`, target, metric),
          measure(customers, metric, 'start'),
          values,
        ),
        summary: `Histogram of ${metric} over ${values.length.toLocaleString('en-US')} customers.`,
      };
    }
    case 'scatter': {
      const [x, y] = by;
      const xs = numericColumn(customers, x, statement.by[0]);
      const ys = numericColumn(customers, y, statement.by[1]);
      return {
        spec: scatterChart(
          chartTitle(`${metricLabel(y)} against ${metricLabel(x)}`, target, y),
          { measure: measure(customers, x, 'x'), values: xs },
          { measure: measure(customers, y, 'y'), values: ys },
        ),
        summary: `Scatter of ${y} against ${x}.`,
      };
    }
    case 'line': {
      const [x, y] = by;
      const points = meansByBin(
        numericColumn(customers, x, statement.by[0]),
        numericColumn(customers, y, statement.by[1]),
      );
      return {
        spec: lineChart(
          chartTitle(`mean ${metricLabel(y)} by ${metricLabel(x)}`, target, y),
          measure(customers, x, 'x'),
          measure(customers, y, 'y'),
          points,
        ),
        summary: `Mean ${y} by ${x}, ${points.length} bins.`,
      };
    }
    case 'bar': {
      const segments = columnValues(customers.table, 'segment') as string[] | undefined;
      if (!segments) throw new EvaluationError('A bar chart is drawn of segments.', statement.target);
      const metric = by[0];
      const values = metric ? numericColumn(customers, metric, range) : undefined;
      const totals = new Map<string, number>();
      for (let i = 0; i < segments.length; i++) {
        const v = values ? (Number.isFinite(values[i]) ? values[i] : 0) : 1;
        totals.set(segments[i], (totals.get(segments[i]) ?? 0) + v);
      }
      // In rule order (first-match-wins order), not in the order customers happen to come.
      const order = segmentOrder ?? [...totals.keys()];
      const bars = order
        .filter((label) => totals.has(label))
        .map((category) => ({ category, value: totals.get(category)! }));
      const valueTitle = metric ? `total ${metric}` : 'customers';
      const shown = metric
        ? { ...measure(customers, metric, 'value'), label: `total ${metricLabel(metric)}` }
        : customersMeasure('value');
      return {
        spec: barChart(chartTitle(`${shown.label} per segment`, target), 'segment', shown, bars),
        summary: `${valueTitle} per segment: ${bars.map((b) => `${b.category} ${Math.round(b.value).toLocaleString('en-US')}`).join(', ')}.`,
      };
    }
  }
  throw new EvaluationError(`A ${kind} chart cannot be drawn of "${statement.target?.name}".`, statement.chartType);
}

export function evaluateChart(ctx: EvalContext): StatementOutcome {
  const statement = ctx.statement;
  if (statement.kind !== 'Chart' || !statement.chartType || !statement.target)
    throw new EvaluationError('Incomplete chart statement.');
  const kind = statement.chartType.name;
  const target = statement.target.name;
  const input = ctx.input(target);
  let chart: { spec: VegaLiteSpec; summary: string };
  if (kind === 'tracking' || kind === 'survival' || kind === 'matrix') {
    const metric = statement.by[0]?.name;
    const build = kind === 'tracking' ? trackingSpec : kind === 'survival' ? survivalSpec : matrixSpec;
    chart = build(input, target, metric, statement);
  } else {
    const customers = customersOf(input);
    if (!customers) throw new EvaluationError(`"${target}" has no per-customer values to chart.`, statement.target);
    chart = customerChart(
      kind,
      statement,
      customers,
      target,
      input.kind === 'segments' ? input.payload.segments.map((x) => x.name) : undefined,
    );
  }
  const output: OutputItem = { data: { 'text/plain': chart.summary, [MIME.vegaLite]: chart.spec } };
  return { value: { kind: 'none' }, outputs: [output] };
}
