// Distribution summaries of a per-customer metric: quantiles, the Lorenz curve and the share
// of value held by the top customers. All work on one ascending-sorted copy of the values
// (Float64Array.prototype.sort is numeric and fast), so a million customers cost one sort.

/** Ascending copy of the finite values; NaN (e.g. undefined metrics) is dropped. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

/** Quantile `p` (0..1) of ascending `sorted`, linear interpolation between order statistics. */
export function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/**
 * Share of the total held by the top `fraction` of customers (by value). The top group is
 * rounded to whole customers: top 20% of 2,357 is the 471 largest values.
 */
export function topShare(sorted: Float64Array, fraction: number): number {
  const total = sum(sorted);
  if (sorted.length === 0 || total === 0) return NaN;
  const k = Math.round(sorted.length * fraction);
  let top = 0;
  for (let i = sorted.length - k; i < sorted.length; i++) top += sorted[i];
  return top / total;
}

export interface LorenzPoint {
  /** Share of customers, from the lowest-valued up, 0..1. */
  customers: number;
  /** Share of total value they hold, 0..1. */
  value: number;
}

/** The Lorenz curve at `steps` + 1 evenly spaced customer shares (aggregated: never per row). */
export function lorenzCurve(sorted: Float64Array, steps = 100): LorenzPoint[] {
  const total = sum(sorted);
  const points: LorenzPoint[] = [{ customers: 0, value: 0 }];
  let acc = 0;
  let i = 0;
  for (let s = 1; s <= steps; s++) {
    const upTo = Math.round((s / steps) * sorted.length);
    for (; i < upTo; i++) acc += sorted[i];
    points.push({ customers: s / steps, value: total === 0 ? 0 : acc / total });
  }
  return points;
}

/** Gini coefficient from the Lorenz curve (trapezoid rule), a one-number summary of concentration. */
export function giniFromLorenz(points: LorenzPoint[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const dx = points[i].customers - points[i - 1].customers;
    area += (dx * (points[i].value + points[i - 1].value)) / 2;
  }
  return 1 - 2 * area;
}
