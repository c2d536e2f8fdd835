// Mean of one per-customer metric across bins of another (mean CLV by frequency, mean P(alive)
// by recency): one point per bin, at the mean x of its customers, so the spec carries ~40
// points whatever the number of customers; the tooltip says how many customers each holds.
import type { VegaLiteSpec } from '../output-types';
import { binGrid, binOf } from './histogram';
import { axisTitle, chartSpec } from './spec';

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

export function lineChart(
  title: string,
  x: { metric: string; unit?: string },
  y: { metric: string; unit?: string },
  points: LinePoint[],
): VegaLiteSpec {
  return chartSpec(title, points, {
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: axisTitle(x.metric, x.unit) },
      y: { field: 'y', type: 'quantitative', title: `mean ${axisTitle(y.metric, y.unit)}` },
      tooltip: [
        { field: 'x', type: 'quantitative', title: x.metric, format: ',.2f' },
        { field: 'y', type: 'quantitative', title: `mean ${y.metric}`, format: ',.3f' },
        { field: 'customers', type: 'quantitative', format: ',d' },
      ],
    },
  });
}
