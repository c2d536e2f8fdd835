// Date literals must be real calendar dates (the lexer only checks the YYYY-MM-DD shape).
import type { DateLiteral } from '../ast';
import type { CheckContext } from './context';

export function isValidDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Reports an impossible date; returns whether the date is valid. */
export function checkDateLiteral(ctx: CheckContext, date: DateLiteral): boolean {
  if (isValidDate(date.value)) return true;
  ctx.error(date.range, 'invalid-date', `\`${date.value}\` is not a valid date`);
  return false;
}
