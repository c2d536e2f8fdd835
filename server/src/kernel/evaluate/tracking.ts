// The actual side of BTYD's tracking plots (the expected side is the models library's
// expectedCumulativeTransactions, through the port). Periods count from the earliest
// purchase; period k ends k units after it. actual(k): repeat transactions (purchases after a
// customer's first, same-day purchases merged into one: the summary's repeat purchase days)
// made before the end of period k.

/** Actual cumulative repeat transactions at the end of periods 1..`periods`. */
export function actualCumulative(
  repeatDays: Float64Array,
  startDay: number,
  unitDays: number,
  periods: number,
): Float64Array {
  const perPeriod = new Float64Array(periods);
  for (const d of repeatDays) {
    const k = Math.floor((d - startDay) / unitDays);
    if (k >= 0 && k < periods) perPeriod[k]++;
  }
  for (let k = 1; k < periods; k++) perPeriod[k] += perPeriod[k - 1];
  return perPeriod;
}
