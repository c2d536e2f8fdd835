// Cumulative repeat transactions per period, actual and expected, as in BTYD's tracking
// plots. Periods count from the earliest purchase; period k ends k units after it.
//   actual(k):   repeat transactions (purchases after a customer's first, same-day purchases
//                merged into one: the summary's repeat purchase days) made before the end of
//                period k.
//   expected(k): Σ over customers of E[X(k − b_i)], b_i the customer's first purchase in
//                periods since the start, for k > b_i. Customers are grouped by first-purchase
//                day, so the cost is periods × distinct days, not periods × customers.
export interface TrackingSeries {
  periods: number;
  actual: Float64Array;
  expected: Float64Array;
}

/** Actual cumulative repeat transactions at the end of periods 1..`periods`. */
export function actualCumulative(repeatDays: Float64Array, startDay: number, unitDays: number, periods: number): Float64Array {
  const perPeriod = new Float64Array(periods);
  for (const d of repeatDays) {
    const k = Math.floor((d - startDay) / unitDays);
    if (k >= 0 && k < periods) perPeriod[k]++;
  }
  for (let k = 1; k < periods; k++) perPeriod[k] += perPeriod[k - 1];
  return perPeriod;
}

/**
 * Expected cumulative repeat transactions at the end of periods 1..`periods`, from
 * `expected(t)` = E[X(t)] for one customer `t` units after their first purchase.
 */
export function expectedCumulative(firstPurchaseDays: ArrayLike<number>, startDay: number, unitDays: number, periods: number, expected: (t: number) => number): Float64Array {
  const births = new Map<number, number>();
  for (let i = 0; i < firstPurchaseDays.length; i++) {
    const b = (firstPurchaseDays[i] - startDay) / unitDays;
    births.set(b, (births.get(b) ?? 0) + 1);
  }
  // Births and period ends fall on whole days, so t = k − b takes few distinct values: each
  // E[X(t)] (a hypergeometric series) is computed once.
  const memo = new Map<number, number>();
  const at = (t: number) => {
    let v = memo.get(t);
    if (v === undefined) memo.set(t, (v = expected(t)));
    return v;
  };
  const out = new Float64Array(periods);
  for (let k = 1; k <= periods; k++) {
    let total = 0;
    for (const [b, count] of births) if (k > b) total += count * at(Math.round((k - b) * unitDays) / unitDays);
    out[k - 1] = total;
  }
  return out;
}
