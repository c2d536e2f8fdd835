// Sufficient statistics: the BTYD likelihoods depend on a customer only through (x, t_x, T), so
// customers with the same triple are fitted once with a weight. Fit cost then grows with the
// number of distinct patterns, not customers. Distinct x values are indexed separately because
// the x-only terms (log-gamma/beta of r+x, b+x, ...) are computed once per x per evaluation.

export interface Patterns {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Index of each pattern's x in `distinctX`. */
  xIndex: Int32Array;
  distinctX: Float64Array;
  /** Index of each pattern's t_x / T in `distinctTx` / `distinctT` (logs of α+t are taken once per value). */
  txIndex: Int32Array;
  distinctTx: Float64Array;
  TIndex: Int32Array;
  distinctT: Float64Array;
  count: number;
  /** Σ weight (number of customers). */
  total: number;
}

/** Collapses per-customer (x, t_x, T) (with optional weights) into weighted distinct patterns. */
export function toPatterns(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, weight?: ArrayLike<number> | null): Patterns {
  const n = x.length;
  // Nested maps on numeric keys: no string building per customer.
  const byX = new Map<number, Map<number, Map<number, number>>>();
  const px: number[] = [], ptx: number[] = [], pT: number[] = [], pw: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i] : 1;
    if (!(w > 0)) continue;
    let byTx = byX.get(x[i]);
    if (!byTx) byX.set(x[i], (byTx = new Map()));
    let byT = byTx.get(tx[i]);
    if (!byT) byTx.set(tx[i], (byT = new Map()));
    const k = byT.get(T[i]);
    if (k === undefined) { byT.set(T[i], px.length); px.push(x[i]); ptx.push(tx[i]); pT.push(T[i]); pw.push(w); }
    else pw[k] += w;
  }
  const [xIndex, distinctX] = indexValues(px);
  const [txIndex, distinctTx] = indexValues(ptx);
  const [TIndex, distinctT] = indexValues(pT);
  let total = 0;
  for (const w of pw) total += w;
  return { x: Float64Array.from(px), tx: Float64Array.from(ptx), T: Float64Array.from(pT), weight: Float64Array.from(pw), xIndex, distinctX, txIndex, distinctTx, TIndex, distinctT, count: px.length, total };
}

/** Distinct values of `values` and, per entry, the index of its value among them. */
function indexValues(values: number[]): [Int32Array, Float64Array] {
  const position = new Map<number, number>();
  const index = Int32Array.from(values, (v) => {
    let k = position.get(v);
    if (k === undefined) position.set(v, (k = position.size));
    return k;
  });
  return [index, Float64Array.from(position.keys())];
}

/** ln(shift + v) for each distinct value: one log per value per likelihood evaluation. */
export function logShifted(shift: number, values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = Math.log(shift + values[k]);
  return out;
}
