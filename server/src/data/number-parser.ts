// Numbers straight from bytes without making a string. The common shapes (`-12`, `29.33`,
// ` 7 `) are read as an integer mantissa divided once by a power of ten: with at most 15
// digits both are exact doubles, so the quotient is the correctly rounded value — the same
// double Number("29.33") gives. Anything else (exponents, `1,5`, `$3`) goes through Number().

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The number in bytes[start, end), or NaN when it is not one (empty counts as not a number). */
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
  const s = text(start, end).trim();
  return s === '' ? NaN : Number(s);
}
