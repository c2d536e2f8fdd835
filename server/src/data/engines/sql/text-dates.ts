// Text dates read in SQL exactly as the file engine reads them (date-parser.ts): ISO with an
// optional time and zone, YYYYMMDD, or a pattern of YYYY YY MM M DD D HH H mm ss with literal
// separators; an impossible date (1997-02-29, month 13) is NULL, never rolled over. For
// engines without a non-failing date cast that agrees with the file engine (PostgreSQL's
// ::date throws on 1997-02-29; ClickHouse 18.16 has no such cast): the text is matched with
// a regular expression whose syntax PostgreSQL and RE2 share, each field is taken from its
// group, and the day is computed with the same proleptic-Gregorian arithmetic.
import { isIsoFormat } from './date-pattern';

export type DateField = 'Y' | 'M' | 'D' | 'h' | 'm' | 's' | 'frac' | 'zoneSign' | 'zoneH' | 'zoneM';

/** An anchored regular expression as parts: literal regex text, or a field and its body. */
export interface DateRegex {
  parts: (string | { field: DateField; body: string })[];
  twoDigitYear: boolean;
  /** Fields at a fixed place in every matching text: 1-based start and width (read with substr, no regex). */
  fixed: Partial<Record<DateField, [number, number]>>;
}

const TOKENS: [string, DateField, string][] = [
  ['YYYY', 'Y', '\\d{4}'],
  ['YY', 'Y', '\\d{2}'],
  ['MM', 'M', '\\d{2}'],
  ['M', 'M', '\\d{1,2}'],
  ['DD', 'D', '\\d{2}'],
  ['D', 'D', '\\d{1,2}'],
  ['HH', 'h', '\\d{2}'],
  ['H', 'h', '\\d{1,2}'],
  ['mm', 'm', '\\d{2}'],
  ['ss', 's', '\\d{2}'],
];

const f = (field: DateField, body: string) => ({ field, body });
const ISO: DateRegex = {
  parts: [
    f('Y', '\\d{4}'),
    '-',
    f('M', '\\d{2}'),
    '-',
    f('D', '\\d{2}'),
    '(?:[T ]',
    f('h', '\\d{2}'),
    ':',
    f('m', '\\d{2}'),
    '(?::',
    f('s', '\\d{2}'),
    '(?:[.,]',
    f('frac', '\\d*'),
    ')?)?',
    '(?:Z|',
    f('zoneSign', '[+-]'),
    f('zoneH', '\\d{2}'),
    ':?',
    f('zoneM', '\\d{2}'),
    ')?)?',
  ],
  twoDigitYear: false,
  fixed: { Y: [1, 4], M: [6, 2], D: [9, 2], h: [12, 2], m: [15, 2], s: [18, 2] },
};

/** The regular expression of a format (ISO when undefined); throws on a malformed pattern. */
export function dateRegex(format: string | undefined): DateRegex {
  if (isIsoFormat(format) || format === 'YYYY-MM-DD') return ISO;
  const pattern = format === 'YYYYMMDD' ? 'YYYYMMDD' : format!;
  const parts: DateRegex['parts'] = [];
  const fixed: DateRegex['fixed'] = {};
  let twoDigitYear = false;
  // The 1-based place of the next part while every part so far had a fixed width, else null.
  let at: number | null = 1;
  for (let i = 0; i < pattern.length;) {
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      parts.push(f(token[1], token[2]));
      if (token[0] === 'YY') twoDigitYear = true;
      const width = token[2] === '\\d{1,2}' ? null : Number(token[2].slice(3, -1));
      if (at !== null && width !== null) fixed[token[1]] = [at, width];
      at = at === null || width === null ? null : at + width;
      i += token[0].length;
    } else if (/[A-Za-z0-9]/.test(pattern[i])) {
      throw new Error(
        `the date format "${pattern}" has "${pattern[i]}" where YYYY, YY, MM, M, DD, D, HH, mm, ss or a separator was expected`,
      );
    } else {
      parts.push(`\\${pattern[i++]}`);
      if (at !== null) at++;
    }
  }
  return { parts, twoDigitYear, fixed };
}

/** The anchored expression with only `field` captured (every field captured, in order, when omitted). */
export function regexText(r: DateRegex, field?: DateField): string {
  const body = r.parts
    .map((p) => (typeof p === 'string' ? p : field === undefined || p.field === field ? `(${p.body})` : p.body))
    .join('');
  return `^${body}$`;
}

/**
 * How a dialect reads one field of a matched text: as a DOUBLE (0 when absent), or as text ('' or
 * NULL when absent).
 */
export interface DateFields {
  number(field: DateField): string;
  text(field: DateField): string;
}

/**
 * Days since 1970-01-01 of a text already known to match the regex, NULL when the date or
 * time is impossible: the file engine's validDate and daysFromCivil in SQL (CASE, floor and
 * +-*\/ on doubles, which every engine has).
 */
export function matchedDays(r: DateRegex, fields: DateFields, floor: (x: string) => string): string {
  const has = new Set(r.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.field])));
  const num = (field: DateField) => (has.has(field) ? fields.number(field) : '0');
  const year = r.twoDigitYear ? `(${num('Y')} + CASE WHEN ${num('Y')} < 69 THEN 2000 ELSE 1900 END)` : num('Y');
  const [y, m, d, h, mi, s] = [year, num('M'), num('D'), num('h'), num('m'), num('s')];
  const leap = `(${y} - 4 * ${floor(`${y} / 4`)} = 0 AND (${y} - 100 * ${floor(`${y} / 100`)} <> 0 OR ${y} - 400 * ${floor(`${y} / 400`)} = 0))`;
  const monthDays = `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} = 4 OR ${m} = 6 OR ${m} = 9 OR ${m} = 11 THEN 30 ELSE 31 END`;
  const valid = `${m} >= 1 AND ${m} <= 12 AND ${d} >= 1 AND ${d} <= ${monthDays} AND ${h} <= 23 AND ${mi} <= 59 AND ${s} <= 60`;
  // daysFromCivil (Howard Hinnant), as in date-parser.ts.
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const era = floor(`${yy} / 400`);
  const yoe = `(${yy} - ${era} * 400)`;
  const doy = `(${floor(`(153 * (${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END) + 2) / 5`)} + ${d} - 1)`;
  const doe = `(${yoe} * 365 + ${floor(`${yoe} / 4`)} - ${floor(`${yoe} / 100`)} + ${doy})`;
  const day = `(${era} * 146097 + ${doe} - 719468)`;
  let seconds = `${h} * 3600 + ${mi} * 60 + ${s}`;
  if (has.has('frac'))
    seconds += ` + CASE WHEN ${fields.text('frac')} <> '' THEN ${fields.number('frac')} / power(10, length(${fields.text('frac')})) ELSE 0 END`;
  if (has.has('zoneSign'))
    seconds += ` - CASE WHEN ${fields.text('zoneSign')} = '-' THEN -1 WHEN ${fields.text('zoneSign')} = '+' THEN 1 ELSE 0 END * (${num('zoneH')} * 3600 + ${num('zoneM')} * 60)`;
  const time = has.has('h') ? ` + (${seconds}) / 86400` : '';
  return `CASE WHEN ${valid} THEN ${day}${time} END`;
}
