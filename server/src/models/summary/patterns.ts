// Sufficient statistics: the BTYD likelihoods depend on a customer only through (x, t_x, T), so
// customers with the same triple are fitted once with a weight. Fit cost then grows with the
// number of distinct patterns, not customers. Distinct x values are indexed separately because
// the x-only terms (log-gamma/beta of r+x, b+x, ...) are computed once per x per evaluation.
import { gather } from './gather';
import { sortedIndices } from './sorted-indices';
import { uniqueRows, type UniqueRows } from './unique-rows';

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
  /**
   * Pattern index of each input customer (-1 where its weight was not positive), to spread
   * per-pattern results back.
   */
  of: Int32Array;
}

/** Collapses per-customer (x, t_x, T) (with optional weights) into weighted distinct patterns. */
export function toPatterns(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  weight?: ArrayLike<number> | null,
  checkpoint?: (fraction: number) => void,
): Patterns {
  let columns: ArrayLike<number>[] = [x, tx, T];
  let weights: ArrayLike<number> | null = null;
  let kept: number[] | null = null;
  if (weight) {
    // Rows without positive weight carry no customers: leave them out before grouping.
    kept = [];
    for (let i = 0; i < weight.length; i++) if (weight[i] > 0) kept.push(i);
    const rows = kept;
    columns = columns.map((c) => gather(c, rows));
    weights = gather(weight, rows);
  }
  const unique = sortedPatterns(uniqueRows(columns, checkpoint), checkpoint);
  const [px, ptx, pT] = unique.columns;
  const pw = new Float64Array(px.length);
  for (let i = 0; i < unique.of.length; i++) pw[unique.of[i]] += weights ? weights[i] : 1;
  let of = unique.of;
  if (kept) {
    of = new Int32Array(x.length).fill(-1);
    kept.forEach((row, i) => (of[row] = unique.of[i]));
  }
  const [xIndex, distinctX] = indexValues(px, checkpoint);
  const [txIndex, distinctTx] = indexValues(ptx, checkpoint);
  const [TIndex, distinctT] = indexValues(pT, checkpoint);
  let total = 0;
  for (const w of pw) total += w;
  return {
    x: px,
    tx: ptx,
    T: pT,
    weight: pw,
    xIndex,
    distinctX,
    txIndex,
    distinctTx,
    TIndex,
    distinctT,
    count: px.length,
    total,
    of,
  };
}

/**
 * The patterns in (x, t_x, T) order rather than first appearance: a likelihood is summed in
 * pattern order, so this makes a fit independent of the order customers arrive in (a file's
 * row order, or a database's), to the last bit.
 */
function sortedPatterns(unique: UniqueRows, checkpoint?: (fraction: number) => void): UniqueRows {
  const [x, tx, T] = unique.columns;
  const order = sortedIndices(x.length, (a, b) => x[a] - x[b] || tx[a] - tx[b] || T[a] - T[b], checkpoint);
  const rank = new Int32Array(order.length);
  order.forEach((pattern, r) => (rank[pattern] = r));
  return {
    columns: unique.columns.map((c) => gather(c, order)),
    of: unique.of.map((k) => rank[k]),
  };
}

/** Distinct values of `values` and, per entry, the index of its value among them. */
function indexValues(values: Float64Array, checkpoint?: (fraction: number) => void): [Int32Array, Float64Array] {
  const { of, columns } = uniqueRows([values], checkpoint);
  return [of, columns[0]];
}

/** ln(shift + v) for each distinct value: one log per value per likelihood evaluation. */
export function logShifted(shift: number, values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = Math.log(shift + values[k]);
  return out;
}
