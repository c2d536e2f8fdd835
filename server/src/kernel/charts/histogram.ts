// Histogram of one per-customer metric, binned here so the spec carries ~40 bars whatever
// the number of customers.
import type { VegaLiteSpec } from '../output-types';
import { axisTitle, chartSpec } from './spec';

export interface Bin {
  start: number;
  end: number;
  count: number;
}

/** A "nice" step (1, 2 or 5 × 10^k) giving at most `maxBins` bins over [min, max]. */
function niceStep(min: number, max: number, maxBins: number): number {
  const raw = (max - min) / maxBins;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Equal-width bins over the finite values; a single value gets one bin of width 1. */
export function binValues(values: ArrayLike<number>, maxBins = 40): Bin[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return [];
  const step = max > min ? niceStep(min, max, maxBins) : 1;
  const first = Math.floor(min / step) * step;
  const count = Math.max(1, Math.floor((max - first) / step) + 1);
  const counts = new Float64Array(count);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.min(count - 1, Math.floor((v - first) / step))]++;
  }
  return Array.from(counts, (c, i) => ({ start: first + i * step, end: first + (i + 1) * step, count: c }));
}

export function histogramChart(title: string, metric: string, values: ArrayLike<number>, unit?: string): VegaLiteSpec {
  return chartSpec(title, binValues(values), {
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: axisTitle(metric, unit) },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'customers' },
    },
  });
}
