// Dates straight from bytes: `YYYYMMDD`, ISO `YYYY-MM-DD` (a time part after it is ignored)
// or a pattern of YYYY, MM and DD with fixed separators (`DD/MM/YYYY`). Result: days since
// 1970-01-01 UTC, or NaN when the bytes are not a real date (a reject, never a guess).

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
  return !(m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

/** Reads `width` ASCII digits at `at`; -1 when any is not a digit. */
function digits(bytes: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let i = at; i < at + width; i++) {
    const c = bytes[i] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

export type DateParser = (bytes: Uint8Array, start: number, end: number) => number;

interface Part {
  kind: 'Y' | 'M' | 'D' | 'sep';
  offset: number;
  width: number;
  char?: number;
}

/** A parser for `format` (`ISO`, `YYYYMMDD` or a pattern), or an error message saying why not. */
export function dateParser(format: string | undefined): DateParser | string {
  const pattern = !format || format.toUpperCase() === 'ISO' ? 'YYYY-MM-DD' : format;
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length; ) {
    const rest = pattern.slice(i);
    if (rest.startsWith('YYYY')) parts.push({ kind: 'Y', offset: i, width: 4 }), (i += 4);
    else if (rest.startsWith('MM')) parts.push({ kind: 'M', offset: i, width: 2 }), (i += 2);
    else if (rest.startsWith('DD')) parts.push({ kind: 'D', offset: i, width: 2 }), (i += 2);
    else if (/[A-Za-z0-9]/.test(pattern[i])) return `the date format "${format}" has "${pattern[i]}" where YYYY, MM, DD or a separator was expected`;
    else parts.push({ kind: 'sep', offset: i, width: 1, char: pattern.charCodeAt(i) }), (i += 1);
  }
  if (['Y', 'M', 'D'].some((k) => parts.filter((p) => p.kind === k).length !== 1)) return `the date format "${format}" needs YYYY, MM and DD once each`;
  const length = pattern.length;
  const iso = pattern === 'YYYY-MM-DD';
  return (bytes, start, end) => {
    // ISO dates may carry a time ("1997-01-01T10:00:00" or "1997-01-01 10:00"): the day is what counts.
    if (end - start !== length && !(iso && end - start > length && (bytes[start + length] === 84 || bytes[start + length] === 32))) return NaN;
    let y = 0;
    let m = 0;
    let d = 0;
    for (const p of parts) {
      if (p.kind === 'sep') {
        if (bytes[start + p.offset] !== p.char) return NaN;
        continue;
      }
      const v = digits(bytes, start + p.offset, p.width);
      if (v < 0) return NaN;
      if (p.kind === 'Y') y = v;
      else if (p.kind === 'M') m = v;
      else d = v;
    }
    return validDate(y, m, d) ? daysFromCivil(y, m, d) : NaN;
  };
}
