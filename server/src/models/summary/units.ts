// Time units of a summary. Months are the mean Gregorian month, 365.2425/12 = 30.436875 days
// (so 12 months = 1 mean year); years are 365.2425 days. lifetimes uses 'M' = 30 days and BTYD
// uses 365/12 ≈ 30.42; ours is documented in docs/models.md and applied the same everywhere.
export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';

export const UNIT_DAYS: Record<TimeUnit, number> = { days: 1, weeks: 7, months: 365.2425 / 12, years: 365.2425 };

/** A rate per year turned into the equivalent compound rate per `unitDays` period: (1+r)^(u/365.2425) - 1. */
export function ratePerPeriod(annualRate: number, unitDays: number): number {
  return Math.pow(1 + annualRate, unitDays / UNIT_DAYS.years) - 1;
}
