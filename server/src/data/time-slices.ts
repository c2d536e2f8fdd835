// Work over many items (customer histories, rows, bytes of a file) cut into slices by TIME, not
// by count: each slice is sized from how long the last one took, so a checkpoint comes every ~SLICE_MS
// whatever the cost of one item (a 2F1-heavy Pareto/NBD history costs a hundred times a
// BG/NBD one) and whatever the machine's load.

/** Aimed-for length of one slice: the interrupt latency budget is 200 ms from the click. */
export const SLICE_MS = 10;

/** The next slice's size after one of `size` items took `ms`: scaled towards SLICE_MS, at most 4× larger. */
export function nextSliceSize(size: number, ms: number, min = 1, max = Infinity): number {
  return Math.max(min, Math.min(max, 4 * size, Math.floor((size * SLICE_MS) / Math.max(ms, 0.05))));
}

/**
 * Calls `work(start, end)` over [0, total) in consecutive slices, with `checkpoint(done / total)`
 * before each. The first slice has `first` items; later ones are scaled towards SLICE_MS (at
 * most 4× larger each time, so one slow item does not make the next slice huge).
 */
export function inTimeSlices(
  total: number,
  work: (start: number, end: number) => void,
  checkpoint?: (fraction: number) => void,
  first = 256,
): void {
  let size = first;
  for (let start = 0; start < total;) {
    checkpoint?.(start / total);
    const end = Math.min(total, start + size);
    const began = performance.now();
    work(start, end);
    const ms = performance.now() - began;
    size = nextSliceSize(size, ms);
    start = end;
  }
}
