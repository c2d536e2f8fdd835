// Frequency × recency heatmap of a model's prediction (expected purchases or P(alive)) over
// a grid of hypothetical customers, as in Fader, Hardie & Lee's iso-value plots: the grid is
// at most ~40 × 40 cells, whatever the customer base.
import type { VegaLiteSpec } from '../output-types';
import { channel, tooltip, withUnit, type Measure } from './presentation';
import { chartSpec } from './spec';

export interface MatrixCell {
  frequency: number;
  recency: number;
  value: number;
}

/** `value`: what the colour shows (P(alive) on a fixed 0–1 scale, expected purchases). */
export function matrixChart(title: string, value: Measure, unit: string, cells: MatrixCell[]): VegaLiteSpec {
  const measure = { ...value, field: 'value' };
  const recency = { field: 'recency', label: 'recency', format: 'number' as const, unit };
  const frequency = { field: 'frequency', label: 'repeat purchases', format: 'integer' as const };
  return chartSpec(title, cells, {
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'recency', type: 'ordinal', title: withUnit('recency', unit), axis: { labelOverlap: true } },
      y: {
        field: 'frequency',
        type: 'ordinal',
        title: 'frequency (repeat purchases)',
        sort: 'descending',
        axis: { labelOverlap: true },
      },
      color: channel(measure, { scale: { scheme: 'viridis' } }, 'legend'),
      tooltip: [tooltip(frequency), tooltip(recency), tooltip(measure)],
    },
  });
}
