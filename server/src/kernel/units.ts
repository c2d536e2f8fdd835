// Time units in days. The kernel keeps dates as days since 1970-01-01 UTC and durations in
// the split's unit; months and years are average calendar lengths so that "12 months" and
// "1 year" are the same horizon.
import type { TimeUnit } from '../language';

export const UNIT_DAYS: Record<TimeUnit, number> = {
  days: 1,
  weeks: 7,
  months: 365.25 / 12,
  years: 365.25,
};

/** Days since 1970-01-01 UTC of an ISO date `YYYY-MM-DD`. */
export function isoToDays(iso: string): number {
  return Date.parse(iso + 'T00:00:00Z') / 86_400_000;
}

/** Converts `amount` of `unit` into `target` units. */
export function convertDuration(amount: number, unit: TimeUnit, target: TimeUnit): number {
  return (amount * UNIT_DAYS[unit]) / UNIT_DAYS[target];
}
