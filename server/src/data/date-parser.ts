// Dates straight from bytes into days since 1970-01-01 UTC (fractional when a time is given).
// Formats: `YYYYMMDD`, `ISO` (YYYY-MM-DD, optionally `T`/space + HH:mm[:ss[.fff]] and `Z` or
// ±HH:MM), and patterns built from YYYY YY MM M DD D HH H mm ss with literal separators
// (`DD/MM/YYYY`, `D/M/YY`, `YYYY-MM-DD HH:mm`). An impossible date is NaN — a reject, never a
// guess — so 1997-02-29 or 13/13/2020 are reported, not rolled over.

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 UTC (the data layer's and kernel's date representation) → "YYYY-MM-DD". */
export function isoDate(days: number): string {
  return new Date(Math.floor(days) * DAY_MS).toISOString().slice(0, 10);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
  return !(m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

/** Parses bytes[start, end) into days since the epoch, or NaN. */
export type DateParser = (bytes: Uint8Array, start: number, end: number) => number;

/** Reads exactly `width` ASCII digits at `at`; -1 when any is not a digit. */
function fixedDigits(bytes: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let i = at; i < at + width; i++) {
    const c = bytes[i] - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

// YYYYMMDD is the CDNOW layout and the hot path on big logs: no loop over pattern parts.
const yyyymmdd: DateParser = (bytes, start, end) => {
  if (end - start !== 8) return NaN;
  const y = fixedDigits(bytes, start, 4);
  const m = fixedDigits(bytes, start + 4, 2);
  const d = fixedDigits(bytes, start + 6, 2);
  return y >= 0 && m >= 0 && d >= 0 && validDate(y, m, d) ? daysFromCivil(y, m, d) : NaN;
};

/** `HH:mm[:ss[.fff]]` at `at` as a fraction of a day, plus an optional zone; NaN if malformed. */
function isoTime(bytes: Uint8Array, at: number, end: number): number {
  const h = fixedDigits(bytes, at, 2);
  const min = bytes[at + 2] === 58 ? fixedDigits(bytes, at + 3, 2) : -1;
  if (h < 0 || h > 23 || min < 0 || min > 59) return NaN;
  let i = at + 5;
  let seconds = h * 3600 + min * 60;
  // Every look past the minutes stays inside the field: in a CSV buffer the next byte is the delimiter.
  if (i < end && bytes[i] === 58) {
    const s = fixedDigits(bytes, i + 1, 2);
    if (s < 0 || s > 60) return NaN;
    seconds += s;
    i += 3;
    if (i < end && (bytes[i] === 46 || bytes[i] === 44)) {
      let scale = 0.1;
      for (i++; i < end && bytes[i] >= 48 && bytes[i] <= 57; i++, scale /= 10) seconds += (bytes[i] - 48) * scale;
    }
  }
  if (i < end && bytes[i] === 90)
    i++; // Z
  else if (i < end && (bytes[i] === 43 || bytes[i] === 45)) {
    const zh = fixedDigits(bytes, i + 1, 2);
    const colon = bytes[i + 3] === 58 ? 1 : 0;
    const zm = fixedDigits(bytes, i + 3 + colon, 2);
    if (zh < 0 || zm < 0) return NaN;
    seconds -= (bytes[i] === 45 ? -1 : 1) * (zh * 3600 + zm * 60); // local time minus offset = UTC
    i += 5 + colon;
  }
  return i === end ? seconds / 86_400 : NaN;
}

const iso: DateParser = (bytes, start, end) => {
  if (end - start < 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return NaN;
  const y = fixedDigits(bytes, start, 4);
  const m = fixedDigits(bytes, start + 5, 2);
  const d = fixedDigits(bytes, start + 8, 2);
  if (y < 0 || m < 0 || d < 0 || !validDate(y, m, d)) return NaN;
  const day = daysFromCivil(y, m, d);
  if (end - start === 10) return day;
  const sep = bytes[start + 10];
  return sep === 84 || sep === 32 ? day + isoTime(bytes, start + 11, end) : NaN;
};

type Field = 'Y' | 'M' | 'D' | 'h' | 'm' | 's';
interface Part {
  field?: Field;
  /** Digits: exact width, or 1–2 for the short tokens (D, M, H). */
  min: number;
  max: number;
  /** A literal separator byte. */
  literal?: number;
}

const TOKENS: [string, Field, number, number][] = [
  ['YYYY', 'Y', 4, 4],
  ['YY', 'Y', 2, 2],
  ['MM', 'M', 2, 2],
  ['M', 'M', 1, 2],
  ['DD', 'D', 2, 2],
  ['D', 'D', 1, 2],
  ['HH', 'h', 2, 2],
  ['H', 'h', 1, 2],
  ['mm', 'm', 2, 2],
  ['ss', 's', 2, 2],
];

function compilePattern(pattern: string): Part[] | string {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length;) {
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      parts.push({ field: token[1], min: token[2], max: token[3] });
      i += token[0].length;
    } else if (/[A-Za-z0-9]/.test(pattern[i])) {
      return `the date format "${pattern}" has "${pattern[i]}" where YYYY, YY, MM, M, DD, D, HH, mm, ss or a separator was expected`;
    } else parts.push({ min: 0, max: 0, literal: pattern.charCodeAt(i++) });
  }
  for (const f of ['Y', 'M', 'D'] as Field[]) {
    if (parts.filter((p) => p.field === f).length !== 1)
      return `the date format "${pattern}" needs a year, a month and a day once each`;
  }
  return parts;
}

function patternParser(parts: Part[]): DateParser {
  return (bytes, start, end) => {
    const v = { Y: 0, M: 0, D: 0, h: 0, m: 0, s: 0 };
    let twoDigitYear = false;
    let i = start;
    for (const p of parts) {
      if (p.literal !== undefined) {
        if (bytes[i++] !== p.literal) return NaN;
        continue;
      }
      let n = 0;
      let width = 0;
      for (; width < p.max && i < end && bytes[i] >= 48 && bytes[i] <= 57; width++, i++) n = n * 10 + bytes[i] - 48;
      if (width < p.min) return NaN;
      v[p.field!] = n;
      if (p.field === 'Y' && p.max === 2) twoDigitYear = true;
    }
    if (i !== end || v.h > 23 || v.m > 59 || v.s > 60) return NaN;
    // Two-digit years: 00–68 are 2000s, 69–99 are 1900s (the POSIX strptime pivot).
    const year = twoDigitYear ? v.Y + (v.Y < 69 ? 2000 : 1900) : v.Y;
    if (!validDate(year, v.M, v.D)) return NaN;
    return daysFromCivil(year, v.M, v.D) + (v.h * 3600 + v.m * 60 + v.s) / 86_400;
  };
}

/** A parser for `format` (`ISO` or undefined, `YYYYMMDD`, or a pattern), or a message saying why not. */
export function dateParser(format: string | undefined): DateParser | string {
  if (!format || format.toUpperCase() === 'ISO' || format === 'YYYY-MM-DD') return iso;
  if (format === 'YYYYMMDD') return yyyymmdd;
  const parts = compilePattern(format);
  return typeof parts === 'string' ? parts : patternParser(parts);
}

const encoder = new TextEncoder();

/** Parses a date written as a string (JSON, Parquet and Arrow text columns, schema samples). */
export function parseDateText(parse: DateParser, text: string): number {
  const bytes = encoder.encode(text.trim());
  return parse(bytes, 0, bytes.length);
}

/** Formats tried, in order, when a column's date format is not declared (schema inference). */
export const CANDIDATE_DATE_FORMATS = [
  'ISO',
  'YYYYMMDD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'D/M/YYYY',
  'M/D/YYYY',
  'D/M/YY',
  'M/D/YY',
  'DD.MM.YYYY',
  'YYYY/MM/DD',
];
