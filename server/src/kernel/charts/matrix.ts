// Frequency × recency heatmap of a model's prediction (expected purchases or P(alive)) over
// a grid of hypothetical customers, as in Fader, Hardie & Lee's iso-value plots: the grid is
// at most ~40 × 40 cells, whatever the customer base.
import type { VegaLiteSpec } from '../output-types';
import { axisTitle, chartSpec } from './spec';

export interface MatrixCell {
  frequency: number;
  recency: number;
  value: number;
}

export function matrixChart(title: string, metric: string, unit: string, cells: MatrixCell[]): VegaLiteSpec {
  return chartSpec(title, cells, {
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: { field: 'recency', type: 'ordinal', title: axisTitle('recency', unit), axis: { labelOverlap: true } },
      y: {
        field: 'frequency',
        type: 'ordinal',
        title: 'frequency (repeat purchases)',
        sort: 'descending',
        axis: { labelOverlap: true },
      },
      color: { field: 'value', type: 'quantitative', title: metric, scale: { scheme: 'viridis' } },
    },
  });
}
