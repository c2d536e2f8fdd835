// Scatter of two per-customer metrics. A million dots would freeze the renderer and bloat
// the report, so at most MAX_CHART_POINTS customers are drawn, chosen by a seeded uniform
// sample (same notebook, same picture), and the title says so.
import type { VegaLiteSpec } from '../output-types';
import { channel, tooltip, type Measure } from './presentation';
import { chartSpec, MAX_CHART_POINTS } from './spec';

/** Indices of a uniform sample of `k` of `n` rows (all rows when n ≤ k), in ascending order. */
export function sampleIndices(n: number, k: number, seed = 1): Uint32Array {
  if (n <= k) return Uint32Array.from({ length: n }, (_, i) => i);
  // Partial Fisher–Yates on a lazily materialised permutation; mulberry32 as the generator.
  const swapped = new Map<number, number>();
  const out = new Uint32Array(k);
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out[i] = atJ;
  }
  return out.sort();
}

export interface ScatterAxis {
  measure: Measure;
  values: ArrayLike<number>;
}

export function scatterChart(title: string, x: ScatterAxis, y: ScatterAxis): VegaLiteSpec {
  const n = x.values.length;
  const picked = sampleIndices(n, MAX_CHART_POINTS);
  const points: { x: number; y: number }[] = [];
  for (const i of picked) {
    if (Number.isFinite(x.values[i]) && Number.isFinite(y.values[i])) points.push({ x: x.values[i], y: y.values[i] });
  }
  const shown =
    n > picked.length
      ? `${title} (sample of ${picked.length.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} customers)`
      : title;
  return chartSpec(shown, points, {
    mark: { type: 'point', filled: true, opacity: 0.4, size: 12 },
    encoding: {
      x: channel({ ...x.measure, field: 'x' }),
      y: channel({ ...y.measure, field: 'y' }),
      tooltip: [tooltip({ ...x.measure, field: 'x' }), tooltip({ ...y.measure, field: 'y' })],
    },
  });
}
