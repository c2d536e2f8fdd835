// The Lorenz curve of predicted value: share of customers (lowest value first) against
// share of value they hold, with the line of perfect equality for reference.
import type { VegaLiteSpec } from '../output-types';
import type { LorenzPoint } from '../stats';
import { chartSpec } from './spec';

export function lorenzChart(title: string, metric: string, points: LorenzPoint[]): VegaLiteSpec {
  const values = [
    ...points.map((p) => ({ customers: p.customers, value: p.value, curve: `${metric}` })),
    { customers: 0, value: 0, curve: 'equality' },
    { customers: 1, value: 1, curve: 'equality' },
  ];
  return chartSpec(title, values, {
    mark: { type: 'line', tooltip: true },
    encoding: {
      x: { field: 'customers', type: 'quantitative', title: 'share of customers', axis: { format: '%' } },
      y: { field: 'value', type: 'quantitative', title: `share of ${metric}`, axis: { format: '%' } },
      color: { field: 'curve', type: 'nominal', title: null },
      strokeDash: { field: 'curve', type: 'nominal', title: null },
    },
  });
}
