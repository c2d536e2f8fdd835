// Bootstrap intervals over unique customer patterns. A prediction is evaluated once per
// parameter draw on each pattern (customers sharing (x, t_x, T) share it), a chunk of patterns
// at a time so memory stays at draws × chunk, whatever the number of customers. Per pattern
// the draws give the interval's quantiles; `onValues` sees every draw's values, so a caller can
// add up the distribution of totals (the whole base, segments) without keeping the draws.

export interface PatternBootstrapInput {
  /** Number of patterns. */
  patterns: number;
  draws: number;
  /** The prediction at draw `d` for patterns [start, end), written into `out` (length end − start). */
  evaluate(d: number, start: number, end: number, out: Float64Array): void;
  /** Sees the values of draw `d` on patterns [start, end) (to accumulate totals per draw). */
  onValues?: (d: number, start: number, end: number, values: Float64Array) => void;
  /** Two-sided level, e.g. 0.9. */
  level: number;
  /** Called between chunks with the fraction done; may throw to interrupt. */
  checkpoint?: (fraction: number) => void;
}

export interface PatternBootstrap {
  /** Per pattern: the (1 − level)/2 and (1 + level)/2 quantiles over the draws. */
  low: Float64Array;
  high: Float64Array;
}

/** Patterns per chunk: draws × chunk doubles (8 MB at 1,000 draws) stay in cache-friendly memory. */
const CHUNK = 1024;

export function bootstrapPatterns(input: PatternBootstrapInput): PatternBootstrap {
  const { patterns, draws, level } = input;
  const low = new Float64Array(patterns);
  const high = new Float64Array(patterns);
  const values = new Float64Array(draws * CHUNK);
  const row = new Float64Array(CHUNK);
  const sample = new Float64Array(draws);
  for (let start = 0; start < patterns; start += CHUNK) {
    input.checkpoint?.(start / patterns);
    const end = Math.min(patterns, start + CHUNK);
    const width = end - start;
    for (let d = 0; d < draws; d++) {
      const out = row.subarray(0, width);
      input.evaluate(d, start, end, out);
      values.set(out, d * CHUNK);
      input.onValues?.(d, start, end, out);
    }
    for (let k = 0; k < width; k++) {
      for (let d = 0; d < draws; d++) sample[d] = values[d * CHUNK + k];
      const [a, b] = quantilePair(sample, level);
      low[start + k] = a;
      high[start + k] = b;
    }
  }
  return { low, high };
}

/** The (1 − level)/2 and (1 + level)/2 quantiles of `sample` (sorted in place; linear interpolation as R's type 7). */
export function quantilePair(sample: Float64Array, level: number): [number, number] {
  sample.sort();
  return [quantileSorted(sample, (1 - level) / 2), quantileSorted(sample, (1 + level) / 2)];
}

export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return i + 1 < n ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}
