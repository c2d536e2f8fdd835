// Sorting many rows by a comparator where a long sort must stay interruptible: a built-in sort
// of a million indices is one uninterruptible call of a few hundred milliseconds. Blocks are
// sorted with the built-in sort, then merged bottom-up with `checkpoint` every PULSE_STRIDE
// elements merged (it may throw to stop).
import { PULSE_MASK } from '../pulse';

const BLOCK = 2048;

/** The indices 0..n-1 in the order of `compare` (stable). */
export function sortedIndices(
  n: number,
  compare: (a: number, b: number) => number,
  checkpoint?: (fraction: number) => void,
): Int32Array {
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  for (let start = 0; start < n; start += BLOCK) {
    checkpoint?.(0);
    from.subarray(start, Math.min(n, start + BLOCK)).sort(compare);
  }
  let to = new Int32Array(n);
  let merged = 0;
  const work = n * Math.max(1, Math.ceil(Math.log2(n / BLOCK)));
  for (let width = BLOCK; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(n, left + width),
        right = Math.min(n, left + 2 * width);
      let i = left,
        j = mid;
      for (let k = left; k < right; k++) {
        if ((++merged & PULSE_MASK) === 0) checkpoint?.(merged / work);
        to[k] = j >= right || (i < mid && compare(from[i], from[j]) <= 0) ? from[i++] : from[j++];
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
