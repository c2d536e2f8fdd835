// The concentration of predicted value, read as the text reads it: customers from the most
// valuable down (x) against the share of value they hold (y), so "the top 20% hold 71%" is
// the curve at 20%, which is marked and labelled; the diagonal is a base where everyone is
// worth the same.
import type { VegaLiteSpec } from '../output-types';
import type { LorenzPoint } from '../stats';
import { chartSpec } from './spec';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * `points`: the Lorenz curve from the least valuable up (stats.lorenzCurve); `topShare20`:
 * the share the top 20% hold (stats.topShare), the same number the value's text gives.
 */
export function lorenzChart(title: string, label: string, points: LorenzPoint[], topShare20: number): VegaLiteSpec {
  const curve = `${label} held`;
  const values = [
    ...points.map((p) => ({ customers: 1 - p.customers, value: 1 - p.value, curve })).reverse(),
    { customers: 0, value: 0, curve: 'equal value' },
    { customers: 1, value: 1, curve: 'equal value' },
  ];
  const mark = [{ customers: 0.2, value: topShare20, text: `top 20% hold ${percent(topShare20)}` }];
  const x = { field: 'customers', type: 'quantitative', title: 'share of customers, most valuable first' };
  const y = { field: 'value', type: 'quantitative', title: `share of total ${label}` };
  const tips = [
    { field: 'customers', type: 'quantitative', title: 'top customers', format: '.0%' },
    { field: 'value', type: 'quantitative', title: `share of ${label}`, format: '.1%' },
  ];
  return chartSpec(title, values, {
    layer: [
      {
        mark: { type: 'line', point: { size: 12 } },
        encoding: {
          x: { ...x, axis: { format: '%' } },
          y: { ...y, axis: { format: '%' } },
          color: { field: 'curve', type: 'nominal', title: null },
          strokeDash: { field: 'curve', type: 'nominal', title: null },
          tooltip: tips,
        },
      },
      {
        data: { values: mark },
        mark: { type: 'point', filled: true, size: 60, color: 'black' },
        encoding: { x, y, tooltip: [...tips, { field: 'text', type: 'nominal', title: 'reading' }] },
      },
      {
        data: { values: mark },
        mark: { type: 'text', align: 'left', dx: 8, dy: 12 },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      },
    ],
  });
}
