// The actual side of BTYD's tracking plots (the expected side is the models library's
// expectedCumulativeTransactions, through the port). Periods count from the earliest
// purchase; period k ends k units after it. actual(k): repeat transactions (purchases after a
// customer's first, same-day purchases merged into one: the summary's repeat purchase days)
// made before the end of period k. The observation ends with the whole of its last day (the
// summary's convention), so a purchase on that day belongs to the last period even when the
// day starts exactly `periods` units after the first purchase: the last point is always every
// repeat purchase the summary counts (calibration frequency plus holdout purchases).

/** Actual cumulative repeat transactions at the end of periods 1..`periods`. */
export function actualCumulative(
  repeatDays: Float64Array,
  startDay: number,
  unitDays: number,
  periods: number,
): Float64Array {
  const perPeriod = new Float64Array(periods);
  for (const d of repeatDays) {
    const k = Math.min(Math.floor((d - startDay) / unitDays), periods - 1);
    if (k >= 0) perPeriod[k]++;
  }
  for (let k = 1; k < periods; k++) perPeriod[k] += perPeriod[k - 1];
  return perPeriod;
}
