// Date literals must be real calendar dates (the lexer only checks the YYYY-MM-DD shape).
import type { DateLiteral } from '../ast';
import type { CheckContext } from './context';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `YYYY-MM-DD` names a day of the Gregorian calendar. */
export function isValidDate(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= DAYS_IN_MONTH[m - 1] + (m === 2 && leap ? 1 : 0);
}

/** Reports an impossible date; returns whether the date is valid. */
export function checkDateLiteral(ctx: CheckContext, date: DateLiteral): boolean {
  if (isValidDate(date.value)) return true;
  ctx.error(date, 'invalid-date', `\`${date.value}\` is not a valid date`);
  return false;
}
