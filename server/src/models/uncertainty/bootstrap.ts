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

/**
 * The (1 − level)/2 and (1 + level)/2 quantiles of `sample` (reordered in place), interpolated
 * as R's type 7. Selection, not a sort: per pattern this is the bootstrap's second-largest cost.
 */
export function quantilePair(sample: Float64Array, level: number): [number, number] {
  return [quantile(sample, (1 - level) / 2), quantile(sample, (1 + level) / 2)];
}

function quantile(sample: Float64Array, q: number): number {
  const n = sample.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const below = select(sample, i);
  if (i + 1 >= n) return below;
  // After selecting i, everything right of it is ≥ it: the next order statistic is their minimum.
  let next = Infinity;
  for (let k = i + 1; k < n; k++) if (sample[k] < next) next = sample[k];
  return below + (h - i) * (next - below);
}

/** Hoare's selection: puts the k-th smallest value at index k, smaller ones left of it, larger right. */
function select(a: Float64Array, k: number): number {
  let left = 0,
    right = a.length - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1];
    let i = left,
      j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k];
}
