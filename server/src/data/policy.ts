// The data policy every engine applies, declared once: the file readers here and the SQL
// engines (server/src/data/engines/) import these words, defaults and reasons, so a row is
// rejected for the same reason, in the same words, whichever engine reads it. docs/data.md
// describes each one for users.
import { prefix } from './bounded-text';
import { MAX_QUOTED_LINES } from './csv-scanner';
import { daysFromCivil } from './date-parser';

/**
 * What a negative amount (a return, a refund) does, chosen per source with `returns` (the words
 * are the language catalog's, so the checker knows them):
 * - `exclude` (default, as the published analyses and lifetimes' tutorials on retail logs do:
 *   cancellations are removed before the summary): the row is dropped and counted;
 * - `net`: the row is not a purchase, but its amount is taken off the customer's spend in the
 *   period it falls in (calibration or holdout);
 * - `keep`: the row is a purchase event like any other and its amount nets into spend.
 * Transaction dates outside PLAUSIBLE_DATES are placeholders (0001-01-01, 9999-12-31) or typos,
 * not purchases: such rows are rejected; a source overrides it with `earliest_date` / `latest_date`.
 */
export {
  DEFAULT_RETURNS_POLICY,
  PLAUSIBLE_DATES,
  RETURNS_POLICIES,
  type ReturnsPolicy,
} from '../language/catalog/options';
/** An ISO date (YYYY-MM-DD) as days since 1970-01-01. */
export function isoDays(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
}

/** Why a row was rejected: the same words from every engine. Column names are cut to a prefix. */
export const REJECT_REASONS = {
  missing: (column: string) => `missing ${prefix(column)}`,
  nonNumeric: (column: string) => `non-numeric ${prefix(column)}`,
  nonFinite: (column: string) => `non-finite ${prefix(column)} (Infinity, NaN or beyond ±1.8e308)`,
  nonDecimal: (column: string) => `${prefix(column)} is not a decimal number (hexadecimal, binary or octal)`,
  malformedDate: (column: string, format: string | undefined) =>
    `malformed date in ${prefix(column)} (expected ${format && format.toUpperCase() !== 'ISO' ? format : 'ISO YYYY-MM-DD'})`,
  implausibleDate: (column: string, earliest: string, latest: string) =>
    `date in ${prefix(column)} outside ${earliest} to ${latest} (a placeholder?)`,
  invalidUtf8: (column: string) => `${prefix(column)} is not valid UTF-8`,
  notAnId: (column: string) => `${prefix(column)} is an object or a list, not text or a number`,
  tooFewFields: (count: number, need: number) => `too few fields (${count}, need ${need})`,
  unterminated: `unterminated quoted field (no closing quote within ${MAX_QUOTED_LINES} lines)`,
  notJson: 'not valid JSON',
} as const;
