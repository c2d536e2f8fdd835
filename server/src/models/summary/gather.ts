// Spreading per-pattern (or per-row) values to customers is the inner loop of every score,
// bound and export: a plain indexed loop, because `Float64Array.from(index, (k) => values[k])`
// goes through V8's generic iterator path and is about ten times slower (300 ms against 35 ms
// for 200,000 customers, measured).

/** `out[i] = values[index[i]]` for every i. */
export function gather(values: ArrayLike<number>, index: ArrayLike<number>): Float64Array {
  const out = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = values[index[i]];
  return out;
}
