// ClickHouse's SQL as 18.16 speaks it: backquoted identifiers and backslash-escaped string
// literals (it has no server-side parameters, so this escaping is the only way a value reaches
// SQL), text dates parsed like the file engine (its casts roll impossible dates over), every
// branch of a CASE evaluated (so conversions in them must not throw: the *OrZero functions),
// sorted arrays for interpolated quantiles, GLOBAL joins so a session's small table reaches
// every shard, and RENAME of two tables in one statement for an atomic write-back.
import { dottedRelation, exactNumber, type SqlColumnType, type SqlDialect } from './dialect';
import { NUMBER_TEXT } from './postgres-dialect';
import { dateRegex, matchedDays, regexText, type DateField } from './text-dates';

function backquoted(name: string): string {
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
}

function stringLiteral(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\0', '\\0')}'`;
}

const trimmed = (column: string) => `replaceRegexpAll(toString(${column}), '^\\\\s+|\\\\s+$', '')`;

export const clickhouseDialect: SqlDialect = {
  name: 'clickhouse',
  identifier: backquoted,
  relation: (name) => dottedRelation(name, backquoted),
  string: stringLiteral,
  number: (value) => {
    const text = exactNumber(value);
    return value < 0 ? `(${text})` : text;
  },

  epochDays(column, type, format) {
    if (type === 'date') return `toFloat64(toUInt16(${column}))`;
    if (type === 'timestamp') return `toUInt32(${column}) / 86400`;
    const regex = dateRegex(format);
    const text = trimmed(column);
    const piece = (field: DateField) => {
      const at = regex.fixed[field];
      return at
        ? `substring(${text}, ${at[0]}, ${at[1]})`
        : `extract(${text}, ${stringLiteral(regexText(regex, field))})`;
    };
    const days = matchedDays(
      regex,
      { number: (f) => `toFloat64OrZero(${piece(f)})`, text: piece },
      (x) => `floor(${x})`,
    );
    return `CASE WHEN match(${text}, ${stringLiteral(regexText(regex))}) THEN ${days} END`;
  },
  toNumber(column, type: SqlColumnType) {
    if (type === 'integer' || type === 'number') return `toFloat64(${column})`;
    const text = trimmed(column);
    return `CASE WHEN match(${text}, ${stringLiteral(NUMBER_TEXT)}) THEN toFloat64OrZero(${text}) END`;
  },
  toText: (column) => `toString(${column})`,
  double: (expr) => (expr === 'NULL' ? 'CAST(NULL AS Nullable(Float64))' : `toFloat64(${expr})`),
  evaluatedOnce: (select) => select,
  floorOf: (expr) => `floor(${expr})`,
  ln: (expr) => `log(${expr})`,
  argMin: (value, key) => `argMin(${value}, ${key})`,
  quantile(expr, p) {
    // Linear interpolation between the sorted values (numpy's default, Arquero's quantile).
    const sorted = `arraySort(groupArray(${expr}))`;
    const h = `((length(${sorted}) - 1) * ${exactNumber(p)})`;
    const lo = `floor(${h})`;
    const at = (i: string) => `arrayElement(${sorted}, toUInt64(${i}) + 1)`;
    return `(${at(lo)} + (${at(`least(${lo} + 1, length(${sorted}) - 1)`)} - ${at(lo)}) * (${h} - ${lo}))`;
  },

  createTemporary: (name, select) => `CREATE TEMPORARY TABLE ${backquoted(name)} ENGINE = Memory AS ${select}`,
  dropTable: (name) => `DROP TABLE IF EXISTS ${dottedRelation(name, backquoted)}`,
  replaceTable(target, select, scratchName) {
    const parts = target.split('.');
    const sibling = (name: string) => dottedRelation([...parts.slice(0, -1), name].join('.'), backquoted);
    const [scratch, old, table] = [
      sibling(scratchName),
      sibling(`${scratchName}_old`),
      dottedRelation(target, backquoted),
    ];
    return [
      `DROP TABLE IF EXISTS ${scratch}`,
      `DROP TABLE IF EXISTS ${old}`,
      `CREATE TABLE ${scratch} ENGINE = MergeTree() ORDER BY tuple() AS ${select}`,
      `CREATE TABLE IF NOT EXISTS ${table} AS ${scratch}`,
      // Both renames happen under one lock: readers see the old table or the new one.
      `RENAME TABLE ${table} TO ${old}, ${scratch} TO ${table}`,
      `DROP TABLE ${old}`,
    ];
  },
  join: (kind) => (kind === 'inner' ? 'GLOBAL ALL INNER JOIN' : 'GLOBAL ALL LEFT JOIN'),
};
