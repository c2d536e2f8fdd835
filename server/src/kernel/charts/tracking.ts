// Cumulative repeat transactions per period, actual against the model's expectation, with a
// rule where calibration ends: the standard visual check of a BTYD model on a holdout.
import type { VegaLiteSpec } from '../output-types';
import { chartSpec } from './spec';

export interface TrackingPoint {
  period: number;
  actual: number;
  expected: number;
}

export function trackingChart(
  title: string,
  unit: string,
  points: TrackingPoint[],
  calibrationEnd: number,
): VegaLiteSpec {
  const values = points.flatMap((p) => [
    { period: p.period, series: 'actual', transactions: p.actual },
    { period: p.period, series: 'expected', transactions: p.expected },
  ]);
  return chartSpec(title, values, {
    layer: [
      {
        // Small points carry the tooltips (a line's tooltip shows one arbitrary datum).
        mark: { type: 'line', point: { size: 16 } },
        encoding: {
          x: {
            field: 'period',
            type: 'quantitative',
            title: `${unit} since the first purchase`,
            axis: { tickMinStep: 1 },
          },
          y: {
            field: 'transactions',
            type: 'quantitative',
            title: 'cumulative repeat purchases',
            axis: { format: ',d' },
          },
          color: { field: 'series', type: 'nominal', title: null },
          strokeDash: { field: 'series', type: 'nominal', title: null },
          tooltip: [
            { field: 'series', type: 'nominal', title: 'curve' },
            { field: 'period', type: 'quantitative', title: unit.replace(/s$/, ''), format: ',d' },
            { field: 'transactions', type: 'quantitative', title: 'cumulative repeat purchases', format: ',.1f' },
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
}
