// DuckDB's SQL (1.x): double-quoted identifiers, standard string literals, strptime for text
// dates, arg_min and quantile_cont aggregates, CREATE OR REPLACE TEMP TABLE.
import { doubleQuoted, dottedRelation, exactNumber, type SqlColumnType, type SqlDialect } from './dialect';
import { isIsoFormat, strptimeFormat } from './date-pattern';

const MICROS_PER_DAY = 86_400_000_000;

function stringLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('A text value cannot contain a NUL character.');
  return `'${value.replaceAll("'", "''")}'`;
}

/** Days since the epoch of a TIMESTAMP expression (NULL stays NULL). */
function timestampDays(ts: string): string {
  return `(CAST(epoch_us(${ts}) AS DOUBLE) / ${MICROS_PER_DAY})`;
}

export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  identifier: doubleQuoted,
  relation: (name) => dottedRelation(name, doubleQuoted),
  string: stringLiteral,
  number: exactNumber,

  epochDays(column, type, format) {
    if (type === 'date') return `CAST((${column} - DATE '1970-01-01') AS DOUBLE)`;
    if (type === 'timestamp') return timestampDays(`CAST(${column} AS TIMESTAMP)`);
    const text = `trim(CAST(${column} AS VARCHAR))`;
    if (isIsoFormat(format)) return timestampDays(`TRY_CAST(${text} AS TIMESTAMP)`);
    return timestampDays(`try_strptime(${text}, ${stringLiteral(strptimeFormat(format!))})`);
  },
  toNumber(column, type: SqlColumnType) {
    if (type === 'integer' || type === 'number') return `CAST(${column} AS DOUBLE)`;
    return `TRY_CAST(trim(CAST(${column} AS VARCHAR)) AS DOUBLE)`;
  },
  toText: (column) => `CAST(${column} AS VARCHAR)`,
  double: (expr) => `CAST(${expr} AS DOUBLE)`,
  evaluatedOnce: (select) => select,
  floorOf: (expr) => `floor(${expr})`,
  ln: (expr) => `ln(${expr})`,
  argMin: (value, key) => `arg_min(${value}, ${key})`,
  quantile: (expr, p) => `quantile_cont(${expr}, ${exactNumber(p)})`,

  createTemporary: (name, select) => `CREATE OR REPLACE TEMP TABLE ${doubleQuoted(name)} AS ${select}`,
  dropTable: (name) => `DROP TABLE IF EXISTS ${dottedRelation(name, doubleQuoted)}`,
  replaceTable(target, select, scratchName) {
    const parts = target.split('.');
    const scratch = [...parts.slice(0, -1), scratchName].join('.');
    return [
      `CREATE OR REPLACE TABLE ${dottedRelation(scratch, doubleQuoted)} AS ${select}`,
      'BEGIN TRANSACTION',
      `DROP TABLE IF EXISTS ${dottedRelation(target, doubleQuoted)}`,
      `ALTER TABLE ${dottedRelation(scratch, doubleQuoted)} RENAME TO ${doubleQuoted(parts[parts.length - 1])}`,
      'COMMIT',
    ];
  },
  join: (kind) => (kind === 'inner' ? 'JOIN' : 'LEFT JOIN'),
};

/** Local files read by DuckDB (globs and .gz welcome), every column as text like the file engine reads it. */
export function duckdbFileScan(
  path: string,
  format: 'csv' | 'tsv' | 'parquet',
  layout: { header?: boolean; delimiter?: string; columns?: string[] } = {},
): string {
  if (format === 'parquet') return `SELECT * FROM read_parquet(${stringLiteral(path)})`;
  const options = [
    `header = ${layout.header === false ? 'false' : 'true'}`,
    `delim = ${stringLiteral(layout.delimiter ?? (format === 'tsv' ? '\t' : ','))}`,
    'all_varchar = true',
    ...(layout.columns ? [`names = [${layout.columns.map(stringLiteral).join(', ')}]`] : []),
  ];
  return `SELECT * FROM read_csv(${stringLiteral(path)}, ${options.join(', ')})`;
}
