// Histogram of one per-customer metric, binned here so the spec carries ~40 bars whatever
// the number of customers.
import type { VegaLiteSpec } from '../output-types';
import { channel, customersMeasure, tooltip, withUnit, type Measure } from './presentation';
import { chartSpec } from './spec';

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

/** Equal-width "nice" bins covering the finite values: the first bin's start, the width and the count. */
export interface BinGrid {
  first: number;
  step: number;
  count: number;
}

export function binGrid(values: ArrayLike<number>, maxBins = 40): BinGrid | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  // A single value gets one bin of width 1.
  const step = max > min ? niceStep(min, max, maxBins) : 1;
  const first = Math.floor(min / step) * step;
  return { first, step, count: Math.max(1, Math.floor((max - first) / step) + 1) };
}

/** The bin of a finite value. */
export function binOf(grid: BinGrid, v: number): number {
  return Math.min(grid.count - 1, Math.floor((v - grid.first) / grid.step));
}

/** Equal-width bins over the finite values with the number of values in each. */
export function binValues(values: ArrayLike<number>, maxBins = 40): Bin[] {
  const grid = binGrid(values, maxBins);
  if (!grid) return [];
  const counts = new Float64Array(grid.count);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[binOf(grid, v)]++;
  }
  return Array.from(counts, (c, i) => ({
    start: grid.first + i * grid.step,
    end: grid.first + (i + 1) * grid.step,
    count: c,
  }));
}

export function histogramChart(title: string, measure: Measure, values: ArrayLike<number>): VegaLiteSpec {
  const from = { ...measure, field: 'start' };
  // Whole-number bins of a count ("2 to 3 repeat purchases") read as the count itself.
  return chartSpec(title, binValues(values), {
    mark: { type: 'bar' },
    encoding: {
      x: channel(from, { bin: { binned: true } }),
      x2: { field: 'end' },
      y: channel(customersMeasure('count')),
      tooltip: [
        { ...tooltip(from), title: `${withUnit(measure.label, measure.unit)} from` },
        { ...tooltip({ ...measure, field: 'end' }), title: 'to' },
        tooltip(customersMeasure('count')),
      ],
    },
  });
}
