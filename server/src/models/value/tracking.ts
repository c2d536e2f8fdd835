// Calibration-vs-holdout tracking: expected and actual cumulative repeat transactions of a
// cohort per period, as BTYD's bgnbd.ExpectedCumulativeTransactions / pnbd.ExpectedCumulativeTransactions.
// A customer born b units after the cohort start contributes E[X(t - b)] at time t > b.
import type { PurchaseModel } from '../purchase-model';

/**
 * Expected cumulative repeat transactions at the end of each of `periods` equal periods over
 * [0, totalTime]; births are max(T) - T (every customer's calibration ends at the same date).
 */
export function expectedCumulativeTransactions(
  model: PurchaseModel,
  T: ArrayLike<number>,
  totalTime: number,
  periods: number,
): Float64Array {
  let maxT = -Infinity;
  for (let i = 0; i < T.length; i++) if (T[i] > maxT) maxT = T[i];
  // Customers with the same birth share one E[X(.)] evaluation per period.
  const births = new Map<number, number>();
  for (let i = 0; i < T.length; i++) {
    const b = maxT - T[i];
    births.set(b, (births.get(b) ?? 0) + 1);
  }
  // Births fall on whole days, so t - b takes far fewer values than births × periods: each
  // E[X(t - b)] (a hypergeometric series for BG/NBD) is computed once.
  const memo = new Map<number, number>();
  const expected = (t: number) => {
    let v = memo.get(t);
    if (v === undefined) memo.set(t, (v = model.expected(t)));
    return v;
  };
  const out = new Float64Array(periods);
  for (let k = 0; k < periods; k++) {
    const t = (totalTime * (k + 1)) / periods;
    let sum = 0;
    for (const [b, count] of births) if (b < t) sum += count * expected(t - b);
    out[k] = sum;
  }
  return out;
}
