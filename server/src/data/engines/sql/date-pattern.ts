// The file engine's date patterns (YYYY YY MM M DD D HH H mm ss, literal separators) as
// strptime formats, for engines that parse text dates with strptime (DuckDB, and PostgreSQL's
// to_timestamp through its own mapping). Words: ISO and YYYYMMDD as in date-parser.ts.

const STRPTIME: [string, string][] = [
  ['YYYY', '%Y'],
  ['YY', '%y'],
  ['MM', '%m'],
  ['M', '%-m'],
  ['DD', '%d'],
  ['D', '%-d'],
  ['HH', '%H'],
  ['H', '%-H'],
  ['mm', '%M'],
  ['ss', '%S'],
];

/** A strptime format for a pattern (`DD/MM/YYYY` → `%d/%m/%Y`); YYYYMMDD → `%Y%m%d`. */
export function strptimeFormat(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const token = STRPTIME.find(([word]) => pattern.startsWith(word, i));
    if (token) {
      out += token[1];
      i += token[0].length;
    } else {
      out += pattern[i] === '%' ? '%%' : pattern[i];
      i++;
    }
  }
  return out;
}

/** True for the ISO word (or no format), which engines read with their own ISO cast. */
export function isIsoFormat(format: string | undefined): boolean {
  return format === undefined || format.toUpperCase() === 'ISO';
}
