// Charts of a model comparison: every model's tracking curve against the actual one
// (cumulative above, per period below, one legend), and the conditional expectation of
// holdout purchases by calibration frequency (actual and each model).
import type { VegaLiteSpec } from '../output-types';
import { chartSpec, VEGA_LITE_SCHEMA } from './spec';

export interface TrackingSeries {
  series: string;
  /** Cumulative repeat purchases at the end of periods 1, 2, ... */
  cumulative: ArrayLike<number>;
}

export function comparisonTrackingChart(
  title: string,
  unit: string,
  series: TrackingSeries[],
  calibrationEnd: number,
): VegaLiteSpec {
  const values = series.flatMap((s) =>
    Array.from(s.cumulative, (cumulative, k) => ({
      period: k + 1,
      series: s.series,
      cumulative,
      incremental: cumulative - (k > 0 ? s.cumulative[k - 1] : 0),
    })),
  );
  const panel = (field: 'cumulative' | 'incremental', axis: string) => ({
    width: 480,
    height: 220,
    layer: [
      {
        mark: { type: 'line', tooltip: true },
        encoding: {
          x: { field: 'period', type: 'quantitative', title: unit },
          y: { field, type: 'quantitative', title: axis },
          color: { field: 'series', type: 'nominal', title: null, sort: series.map((s) => s.series) },
          strokeDash: { field: 'series', type: 'nominal', title: null, sort: series.map((s) => s.series) },
          tooltip: [
            { field: 'series', type: 'nominal' },
            { field: 'period', type: 'quantitative', title: unit },
            { field, type: 'quantitative', format: ',.1f' },
          ],
        },
      },
      {
        data: { values: [{ end: calibrationEnd }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' },
        encoding: { x: { field: 'end', type: 'quantitative' } },
      },
    ],
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    data: { values },
    vconcat: [
      panel('cumulative', 'cumulative repeat transactions'),
      panel('incremental', `repeat transactions per ${unit.replace(/s$/, '')}`),
    ],
  };
}

export interface ConditionalPoint {
  frequency: string;
  series: string;
  purchases: number;
  customers: number;
}

export function conditionalExpectationChart(title: string, points: ConditionalPoint[], order: string[]): VegaLiteSpec {
  return chartSpec(title, points, {
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'frequency', type: 'ordinal', sort: null, title: 'repeat purchases in calibration' },
      y: { field: 'purchases', type: 'quantitative', title: 'mean purchases in the holdout' },
      color: { field: 'series', type: 'nominal', title: null, sort: order },
      strokeDash: { field: 'series', type: 'nominal', title: null, sort: order },
      tooltip: [
        { field: 'series', type: 'nominal' },
        { field: 'frequency', type: 'ordinal', title: 'calibration purchases' },
        { field: 'purchases', type: 'quantitative', title: 'mean holdout purchases', format: ',.3f' },
        { field: 'customers', type: 'quantitative', format: ',d' },
      ],
    },
  });
}
