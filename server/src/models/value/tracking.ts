// Calibration-vs-holdout tracking: expected and actual cumulative repeat transactions of a
// cohort per period, as BTYD's bgnbd.ExpectedCumulativeTransactions / pnbd.ExpectedCumulativeTransactions.
// A customer born b units after the cohort start contributes E[X(t - b)] at time t > b.
import type { PurchaseModel } from '../purchase-model';

/**
 * Expected cumulative repeat transactions at the end of each of `periods` equal periods over
 * [0, totalTime]; births are max(T) - T (every customer's calibration ends at the same date).
 */
export function expectedCumulativeTransactions(model: PurchaseModel, T: ArrayLike<number>, totalTime: number, periods: number): Float64Array {
  let maxT = -Infinity;
  for (let i = 0; i < T.length; i++) if (T[i] > maxT) maxT = T[i];
  // Customers with the same birth share one E[X(.)] evaluation per period.
  const births = new Map<number, number>();
  for (let i = 0; i < T.length; i++) { const b = maxT - T[i]; births.set(b, (births.get(b) ?? 0) + 1); }
  const out = new Float64Array(periods);
  for (let k = 0; k < periods; k++) {
    const t = (totalTime * (k + 1)) / periods;
    let sum = 0;
    for (const [b, count] of births) if (b < t) sum += count * model.expected(t - b);
    out[k] = sum;
  }
  return out;
}

/**
 * Actual cumulative repeat transactions per period from the customers' purchase times (days
 * since epoch, one entry per merged transaction incl. the first), given each customer's first
 * purchase; periods of `unitDays` days from `startDay`.
 */
export function actualCumulativeTransactions(customer: Int32Array, time: Float64Array, startDay: number, unitDays: number, periods: number, mergeDays = 1): Float64Array {
  // Distinct (customer, merge period) pairs, minus each customer's first: sort keys once.
  const n = customer.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => customer[i] - customer[j] || time[i] - time[j]);
  const counts = new Float64Array(periods);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const prev = k > 0 ? order[k - 1] : -1;
    const newCustomer = prev < 0 || customer[prev] !== customer[i];
    if (newCustomer || Math.floor(time[prev] / mergeDays) === Math.floor(time[i] / mergeDays)) continue;
    const p = Math.floor((time[i] - startDay) / unitDays);
    if (p >= 0 && p < periods) counts[p]++;
  }
  for (let p = 1; p < periods; p++) counts[p] += counts[p - 1];
  return counts;
}
