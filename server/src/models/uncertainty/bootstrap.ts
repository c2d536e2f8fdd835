// Bootstrap intervals over unique customer patterns. A prediction is evaluated once per
// parameter draw on each pattern (customers sharing (x, t_x, T) share it), pattern by pattern
// with all draws of a pattern side by side in memory: the interval's quantiles and the totals
// per draw then read contiguous values, and memory stays at draws × chunk, whatever the number
// of customers. `onValues` sees every draw's value of a pattern, so a caller can add up the
// distribution of totals (the whole base, segments) without keeping the draws.

export interface PatternBootstrapInput {
  /** Number of patterns. */
  patterns: number;
  draws: number;
  /**
   * The prediction of every draw on patterns [start, end): draw `d` of pattern `k` goes to
   * `out[(k − start) × draws + d]`.
   */
  evaluate(start: number, end: number, out: Float64Array): void;
  /** Sees all draws' values of pattern `k` (draw order), to accumulate totals per draw. */
  onValues?: (k: number, values: Float64Array) => void;
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

/** Patterns per chunk: 256 × 1,000 draws × 8 bytes = 2 MB, which stays in cache. */
const CHUNK = 256;

export function bootstrapPatterns(input: PatternBootstrapInput): PatternBootstrap {
  const { patterns, draws, level } = input;
  const low = new Float64Array(patterns);
  const high = new Float64Array(patterns);
  const values = new Float64Array(draws * CHUNK);
  for (let start = 0; start < patterns; start += CHUNK) {
    input.checkpoint?.(start / patterns);
    const end = Math.min(patterns, start + CHUNK);
    input.evaluate(start, end, values);
    for (let k = start; k < end; k++) {
      const sample = values.subarray((k - start) * draws, (k - start + 1) * draws);
      input.onValues?.(k, sample);
      const [a, b] = quantilePair(sample, level);
      low[k] = a;
      high[k] = b;
    }
  }
  return { low, high };
}

/**
 * The (1 − level)/2 and (1 + level)/2 quantiles of `sample` (reordered in place), interpolated
 * as R's type 7 between order statistics i and i + 1. Selection, not a sort: per pattern this is
 * the bootstrap's second-largest cost. The lower pair is the (i+1)-th value and the largest left
 * of it; the upper one is selected right of the lower pair, and its successor is the smallest
 * right of it: the scans then cover the tails, not the whole sample.
 */
export function quantilePair(sample: Float64Array, level: number): [number, number] {
  const n = sample.length;
  if (n === 0) return [NaN, NaN];
  const lowH = (n - 1) * ((1 - level) / 2),
    highH = (n - 1) * ((1 + level) / 2);
  const i = Math.floor(lowH),
    j = Math.floor(highH);
  if (i + 1 >= n) {
    const only = select(sample, i, 0);
    return [only, only];
  }
  const v1 = select(sample, i + 1, 0);
  let v0 = -Infinity;
  for (let m = 0; m <= i; m++) if (sample[m] > v0) v0 = sample[m];
  const low = v0 + (lowH - i) * (v1 - v0);
  if (j === i) return [low, v0 + (highH - i) * (v1 - v0)];
  const w0 = select(sample, j, i + 1);
  if (j + 1 >= n || highH === j) return [low, w0];
  let w1 = Infinity;
  for (let m = j + 1; m < n; m++) if (sample[m] < w1) w1 = sample[m];
  return [low, w0 + (highH - j) * (w1 - w0)];
}

/**
 * Floyd & Rivest's selection (CACM 1975, Algorithm 489) in a[from..]: puts the k-th smallest
 * value at index k, smaller ones left of it, larger right. On large ranges it first selects
 * within a small sample around the expected position, so it compares about n + min(k, n − k)
 * times, against Hoare's ~3n.
 */
function select(a: Float64Array, k: number, from: number): number {
  selectRange(a, k, from, a.length - 1);
  return a[k];
}

function selectRange(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1,
        m = k - left + 1,
        z = Math.log(n),
        s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      selectRange(
        a,
        k,
        Math.max(left, Math.floor(k - (m * s) / n + sd)),
        Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)),
      );
    }
    const t = a[k];
    let i = left,
      j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
