// Numbers straight from bytes without making a string. The common shapes (`-12`, `29.33`,
// ` 7 `) are read as an integer mantissa divided once by a power of ten: with at most 15
// digits both are exact doubles, so the quotient is the correctly rounded value — the same
// double Number("29.33") gives. Anything else (exponents, `1,5`, `$3`) goes through Number()
// after a check that it is written in decimal: Number() would also read `0x10`, `0b11` and
// `Infinity`, which are not amounts. A decimal beyond ±1.8e308 comes back as ±Infinity, for
// the reader to reject as non-finite.
import { REJECT_REASONS } from './policy';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number written as text (±Infinity when it overflows), or NaN when it is not one. */
export function decimalNumber(text: string): number {
  const s = text.trim();
  return DECIMAL.test(s) ? Number(s) : NaN;
}

/** Why text that is not a finite decimal number is rejected (only asked for rejected rows). */
export function numberReason(column: string, text: string): string {
  const s = text.trim();
  if (/^[+-]?(inf(inity)?|nan)$/i.test(s) || DECIMAL.test(s)) return REJECT_REASONS.nonFinite(column);
  if (/^[+-]?0[xbo][0-9a-f]+$/i.test(s)) return REJECT_REASONS.nonDecimal(column);
  return REJECT_REASONS.nonNumeric(column);
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The number in bytes[start, end) (±Infinity past the double range), or NaN when it is not a
 * decimal number (empty counts as not one).
 */
export function parseNumber(
  bytes: Uint8Array,
  start: number,
  end: number,
  text: (s: number, e: number) => string,
): number {
  let i = start;
  while (i < end && bytes[i] === 32) i++;
  let e = end;
  while (e > i && bytes[e - 1] === 32) e--;
  let negative = false;
  if (bytes[i] === 45 || bytes[i] === 43) negative = bytes[i++] === 45;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  for (; i < e && bytes[i] >= 48 && bytes[i] <= 57; i++, digits++) mantissa = mantissa * 10 + bytes[i] - 48;
  if (i < e && bytes[i] === 46) {
    for (i++; i < e && bytes[i] >= 48 && bytes[i] <= 57; i++, digits++, decimals++)
      mantissa = mantissa * 10 + bytes[i] - 48;
  }
  if (i === e && digits > 0 && digits <= 15) {
    const value = decimals ? mantissa / POW10[decimals] : mantissa;
    return negative ? -value : value;
  }
  if (e === start || (i === e && digits === 0)) return NaN;
  return decimalNumber(text(start, end));
}
