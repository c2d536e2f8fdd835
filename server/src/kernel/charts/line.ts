// Mean of one per-customer metric across bins of another (mean CLV by frequency, mean P(alive)
// by recency): one point per bin, at the mean x of its customers, so the spec carries ~40
// points whatever the number of customers; the tooltip says how many customers each holds.
import type { VegaLiteSpec } from '../output-types';
import { binGrid, binOf } from './histogram';
import { channel, customersMeasure, tooltip, type Measure } from './presentation';
import { chartSpec } from './spec';

export interface LinePoint {
  x: number;
  y: number;
  customers: number;
}

/** Mean x and mean y per bin of x, over customers where both are finite; empty bins are left out. */
export function meansByBin(xs: ArrayLike<number>, ys: ArrayLike<number>, maxBins = 40): LinePoint[] {
  const grid = binGrid(xs, maxBins);
  if (!grid) return [];
  const sumX = new Float64Array(grid.count);
  const sumY = new Float64Array(grid.count);
  const n = new Float64Array(grid.count);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const k = binOf(grid, x);
    sumX[k] += x;
    sumY[k] += y;
    n[k]++;
  }
  const points: LinePoint[] = [];
  for (let k = 0; k < grid.count; k++)
    if (n[k] > 0) points.push({ x: sumX[k] / n[k], y: sumY[k] / n[k], customers: n[k] });
  return points;
}

/** `x` and `y` name the metrics; their fields here are `x` and `y` whatever they say. */
export function lineChart(title: string, x: Measure, y: Measure, points: LinePoint[]): VegaLiteSpec {
  // A bin's mean of a count is not a count: its axis keeps the count's ticks, its tooltip two decimals.
  const meanX = { ...x, field: 'x', label: `mean ${x.label}` };
  const meanY = { ...y, field: 'y', label: `mean ${y.label}`, format: y.format === 'integer' ? 'number' : y.format };
  return chartSpec(title, points, {
    mark: { type: 'line', point: true },
    encoding: {
      x: channel({ ...x, field: 'x' }),
      y: channel(meanY),
      tooltip: [tooltip({ ...meanX, format: 'number' }), tooltip(meanY), tooltip(customersMeasure())],
    },
  });
}
