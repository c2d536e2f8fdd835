// Sufficient statistics: customers with the same history contribute the same likelihood
// term, so fits run over unique patterns with weights (a million customers collapse to
// tens of thousands of patterns).
export interface Patterns {
  columns: Float64Array[];
  weight: Float64Array;
  count: number;
  /** Pattern index of each input row (to spread per-pattern results back to customers). */
  of: Int32Array;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** FNV-1a over the bits of a row's numbers. */
function hashRow(columns: ArrayLike<number>[], i: number): number {
  let h = 2166136261;
  for (const c of columns) {
    f64[0] = c[i];
    h = Math.imul(h ^ u32[0], 16777619);
    h = Math.imul(h ^ u32[1], 16777619);
  }
  return h >>> 0;
}

/**
 * Unique rows of `columns` (optionally pre-weighted), with their total weights. An open-
 * addressing hash table over typed arrays: no key strings, so millions of rows stay cheap.
 */
export function uniquePatterns(columns: ArrayLike<number>[], weight?: ArrayLike<number> | null, checkpoint?: (fraction: number) => void): Patterns {
  const n = columns[0].length;
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const rows: number[] = [];
  const weights: number[] = [];
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0) checkpoint?.(i / n);
    const w = weight ? weight[i] : 1;
    let slot = hashRow(columns, i) & (size - 1);
    for (;;) {
      const k = slots[slot];
      if (k === -1) {
        slots[slot] = rows.length;
        of[i] = rows.length;
        rows.push(i);
        weights.push(w);
        break;
      }
      const rep = rows[k];
      if (columns.every((c) => Object.is(c[rep], c[i]))) {
        of[i] = k;
        weights[k] += w;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return { columns: columns.map((c) => Float64Array.from(rows, (i) => c[i])), weight: Float64Array.from(weights), count: rows.length, of };
}

/** Rows as they are, one pattern each (for continuous data where few rows would coincide). */
export function rowsAsPatterns(columns: Float64Array[], weight?: Float64Array | null): Patterns {
  const n = columns[0].length;
  return { columns, weight: weight ?? new Float64Array(n).fill(1), count: n, of: Int32Array.from({ length: n }, (_, i) => i) };
}
