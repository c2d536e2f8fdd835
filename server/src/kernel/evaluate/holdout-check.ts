// The calibration-vs-holdout check of a purchase model: customers grouped by their number
// of repeat purchases in calibration (0, 1, ..., "7+"), comparing the mean purchases they
// actually made in the holdout with the mean the model expected (the conditional
// expectation given each customer's history) — Fader, Hardie & Lee's Figure 4.
type ByFrequency = { frequency: string; customers: number; actual: number; expected: number };

/** Highest frequency with its own group; larger ones pool into "7+". */
const TOP_GROUP = 7;

export function holdoutByFrequency(
  frequency: ArrayLike<number>,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  weight?: ArrayLike<number>,
): ByFrequency[] {
  const n = TOP_GROUP + 1;
  const count = new Float64Array(n);
  const sumActual = new Float64Array(n);
  const sumExpected = new Float64Array(n);
  for (let i = 0; i < frequency.length; i++) {
    const g = Math.min(TOP_GROUP, Math.round(frequency[i]));
    const w = weight ? weight[i] : 1;
    count[g] += w;
    sumActual[g] += w * actual[i];
    sumExpected[g] += w * expected[i];
  }
  const out: ByFrequency[] = [];
  for (let g = 0; g < n; g++) {
    if (count[g] === 0) continue;
    out.push({
      frequency: g === TOP_GROUP ? `${TOP_GROUP}+` : String(g),
      customers: count[g],
      actual: sumActual[g] / count[g],
      expected: sumExpected[g] / count[g],
    });
  }
  return out;
}
