// PostgreSQL's SQL (15): double-quoted identifiers, E'' string literals (so a backslash means
// the same whatever standard_conforming_strings says), text dates and numbers guarded by a
// regular expression (its casts throw instead of returning NULL), percentile_cont for
// quantiles, array_agg for argMin, and transactional DDL for an atomic write-back.
import { doubleQuoted, dottedRelation, exactNumber, type SqlColumnType, type SqlDialect } from './dialect';
import { dateRegex, matchedDays, regexText, type DateField } from './text-dates';

export const NUMBER_TEXT = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';

function stringLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('A text value cannot contain a NUL character.');
  return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

const double = (expr: string) => `CAST(${expr} AS double precision)`;

/** A text or integer column, trimmed, as text. */
const trimmedText = (column: string) => `btrim(CAST(${column} AS text))`;

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  identifier: doubleQuoted,
  relation: (name) => dottedRelation(name, doubleQuoted),
  string: stringLiteral,
  number: (value) => {
    const text = exactNumber(value);
    return value < 0 ? `(${text})` : text;
  },

  epochDays(column, type, format) {
    if (type === 'date') return double(`${column} - DATE '1970-01-01'`);
    if (type === 'timestamp') return `${double(`EXTRACT(EPOCH FROM ${column})`)} / 86400`;
    // One regex test per row; fields at a fixed place are cut with substr (cheap), the others
    // (fractions of seconds, zones, one-digit days) taken from their own regex group.
    const regex = dateRegex(format);
    const text = trimmedText(column);
    const piece = (field: DateField) => {
      const at = regex.fixed[field];
      return at
        ? `substr(${text}, ${at[0]}, ${at[1]})`
        : `substring(${text} FROM ${stringLiteral(regexText(regex, field))})`;
    };
    const days = matchedDays(
      regex,
      { number: (field) => `COALESCE(${double(`NULLIF(${piece(field)}, '')`)}, 0)`, text: piece },
      (x) => `floor(${x})`,
    );
    return `CASE WHEN ${text} ~ ${stringLiteral(regexText(regex))} THEN ${days} END`;
  },
  toNumber(column, type: SqlColumnType) {
    if (type === 'integer' || type === 'number') return double(column);
    const text = trimmedText(column);
    return `CASE WHEN ${text} ~ ${stringLiteral(NUMBER_TEXT)} THEN ${double(text)} END`;
  },
  toText: (column) => `CAST(${column} AS text)`,
  double,
  // OFFSET 0 is PostgreSQL's fence against pulling a subquery up into its parent.
  evaluatedOnce: (select) => `${select} OFFSET 0`,
  floorOf: (expr) => `floor(${expr})`,
  ln: (expr) => `ln(${expr})`,
  argMin: (value, key) => `(array_agg(${value} ORDER BY ${key}))[1]`,
  quantile: (expr, p) => `percentile_cont(${exactNumber(p)}) WITHIN GROUP (ORDER BY ${expr})`,

  createTemporary: (name, select) =>
    `DROP TABLE IF EXISTS pg_temp.${doubleQuoted(name)}; CREATE TEMP TABLE ${doubleQuoted(name)} AS ${select}`,
  dropTable: (name) => `DROP TABLE IF EXISTS ${dottedRelation(name, doubleQuoted)}`,
  replaceTable(target, select, scratchName) {
    // DDL is transactional: other sessions see the old table until COMMIT, then the new one.
    const parts = target.split('.');
    const scratch = dottedRelation([...parts.slice(0, -1), scratchName].join('.'), doubleQuoted);
    return [
      'BEGIN',
      `DROP TABLE IF EXISTS ${scratch}`,
      `CREATE TABLE ${scratch} AS ${select}`,
      `DROP TABLE IF EXISTS ${dottedRelation(target, doubleQuoted)}`,
      `ALTER TABLE ${scratch} RENAME TO ${doubleQuoted(parts[parts.length - 1].trim())}`,
      'COMMIT',
    ];
  },
  join: (kind) => (kind === 'inner' ? 'JOIN' : 'LEFT JOIN'),
};
