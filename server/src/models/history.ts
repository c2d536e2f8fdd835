import { uniqueRows, type UniqueRows } from './summary/unique-rows';

/** Per-customer history a purchase model scores: repeat purchases x, recency t_x, age T (model time units). */
export interface History {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

/**
 * `term(x, T)` for every history, evaluated once per distinct (x, T) pair: the 2F1 terms of the
 * BG/NBD family's conditional expectation do not depend on t_x, and a customer base has far
 * fewer (x, T) pairs (thousands) than (x, t_x, T) histories (tens of thousands at day resolution).
 */
export function perFrequencyAndAge(h: History, term: (x: number, T: number) => number): Float64Array {
  const pairs = frequencyAgePairs(h);
  const [x, T] = pairs.columns;
  const distinct = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) distinct[k] = term(x[k], T[k]);
  const out = new Float64Array(pairs.of.length);
  for (let i = 0; i < out.length; i++) out[i] = distinct[pairs.of[i]];
  return out;
}

// The pairs of the histories last grouped, by their frequency column: a discounted value asks
// for the same histories' expectation at every period end. Histories are never changed in place
// once scored (summaries are built once), so the column's identity is a sound key.
const pairsOf = new WeakMap<ArrayLike<number>, { T: ArrayLike<number>; pairs: UniqueRows }>();

function frequencyAgePairs(h: History): UniqueRows {
  const known = pairsOf.get(h.frequency);
  if (known && known.T === h.T && known.pairs.of.length === h.frequency.length) return known.pairs;
  const pairs = uniqueRows([h.frequency, h.T]);
  pairsOf.set(h.frequency, { T: h.T, pairs });
  return pairs;
}
