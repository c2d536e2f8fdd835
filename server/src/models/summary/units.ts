// The one table of time-unit lengths, used by the models library, the kernel and the language's
// checker alike. A year is the mean Gregorian year, 365.2425 days; a month is a twelfth of it,
// 30.436875 days, so "12 months" and "1 year" are the same horizon and a rate per year and its
// per-month equivalent round-trip exactly. docs/models.md compares this with lifetimes and CLVTools.
export const UNIT_DAYS = { days: 1, weeks: 7, months: 365.2425 / 12, years: 365.2425 } as const;

export type TimeUnit = keyof typeof UNIT_DAYS;

/** Converts `amount` of `unit` into `target` units. */
export function convertDuration(amount: number, unit: TimeUnit, target: TimeUnit): number {
  return (amount * UNIT_DAYS[unit]) / UNIT_DAYS[target];
}

/** A rate per year turned into the equivalent compound rate per `unitDays` period: (1+r)^(u/365.2425) - 1. */
export function ratePerPeriod(annualRate: number, unitDays: number): number {
  return Math.pow(1 + annualRate, unitDays / UNIT_DAYS.years) - 1;
}
