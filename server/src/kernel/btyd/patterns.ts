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

/** Unique rows of `columns` (optionally pre-weighted), with their total weights. */
export function uniquePatterns(columns: ArrayLike<number>[], weight?: ArrayLike<number> | null): Patterns {
  const n = columns[0].length;
  const index = new Map<string, number>();
  const rows: number[] = [];
  const weights: number[] = [];
  const of = new Int32Array(n);
  const [c0, c1, c2] = columns;
  for (let i = 0; i < n; i++) {
    // Up to three columns (all the models need); a template string is the cheapest exact key.
    const key = c2 ? `${c0[i]},${c1[i]},${c2[i]}` : c1 ? `${c0[i]},${c1[i]}` : `${c0[i]}`;
    const w = weight ? weight[i] : 1;
    const k = index.get(key);
    if (k === undefined) {
      of[i] = rows.length;
      index.set(key, rows.length);
      rows.push(i);
      weights.push(w);
    } else {
      of[i] = k;
      weights[k] += w;
    }
  }
  return { columns: columns.map((c) => Float64Array.from(rows, (i) => c[i])), weight: Float64Array.from(weights), count: rows.length, of };
}
