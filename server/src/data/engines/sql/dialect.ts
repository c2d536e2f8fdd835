// What a SQL engine must provide so that the push-down planner (summary.ts, and the segment,
// chart and export SQL built on it) runs on it. One dialect per engine, each in its own file
// (duckdb.ts, postgres.ts, clickhouse.ts); adding BigQuery, Snowflake or Trino means writing
// one more dialect and one more SqlConnection, nothing else.
//
// A dialect is pure text generation: it never runs anything and never sees credentials.
//   - Identifiers: `identifier` quotes ONE name part, `relation` a dotted table name; every
//     name that reaches SQL goes through one of them.
//   - Literals: `string` and `number` are the only way a value reaches SQL (engines without
//     server-side parameters, like ClickHouse 18.16, depend on this escaping being complete).
//   - Dates: `epochDays` turns a column of a given stored type into days since 1970-01-01 UTC
//     (fractional when a time of day is stored), NULL when missing or unparseable; same-day
//     merge is `floor` of that value, done by the planner with `floorOf`.
//   - Numbers: `toNumber` turns a column into a double, NULL when missing or non-numeric.
//   - Functions: `floorOf`, `ln` (the rest, round and arithmetic, is standard SQL).
//   - Aggregates: `argMin` (the value at the smallest key: first-day spend), `quantile`
//     (for `top N%` and percentiles); plain SUM/COUNT/MIN/MAX and CASE are standard SQL.
//   - Temporary tables: `createTemporary` (dropped with the session), `dropTable`.
//   - Write-back: `replaceTable` builds a new table and swaps it in one step.
//   - Joins: `join`, because a distributed engine needs a different keyword to join a
//     small local table with a sharded one (ClickHouse's GLOBAL).
// Cancellation and streaming live in SqlConnection (connection.ts), not here.
//
// The conventions every dialect must give (the equivalence tests check them on real servers):
//   epochDays(DATE '1997-01-01') = 9862; epochDays(TIMESTAMP '1997-01-01 12:00') = 9862.5;
//   epochDays of text with format YYYYMMDD, ISO or a pattern ('DD/MM/YYYY') parses like the
//   file engine (date-parser.ts), an impossible date (1997-02-29) is NULL, never rolled over.

/** A column's stored type, as far as the planner cares. */
export type SqlColumnType = 'integer' | 'number' | 'date' | 'timestamp' | 'text' | 'boolean' | 'other';

export interface SqlColumn {
  name: string;
  type: SqlColumnType;
  /** The engine's own type name (VARCHAR, Nullable(Date), ...), for messages. */
  nativeType: string;
}

export interface SqlDialect {
  /** The engine word used in notebooks: duckdb, postgres, clickhouse. */
  readonly name: string;

  /** One quoted name part: `a"b` → `"a""b"` (DuckDB, PostgreSQL), `` `a\`b` `` (ClickHouse). */
  identifier(name: string): string;
  /** A table name as the notebook gives it (`sales.orders`): each dot-separated part quoted. */
  relation(name: string): string;
  /** A string literal with every special character escaped (quotes, backslashes where they escape, NUL rejected). */
  string(value: string): string;
  /** A finite number as a literal that reads back as the same double; throws on NaN/Infinity. */
  number(value: number): string;

  /**
   * Days since 1970-01-01 UTC of `column` (already quoted), a DOUBLE; NULL when the value is
   * missing or cannot be read. `format` applies to text and integer columns: 'ISO',
   * 'YYYYMMDD' or a pattern of YYYY YY MM M DD D HH H mm ss with literal separators.
   */
  epochDays(column: string, type: SqlColumnType, format: string | undefined): string;
  /** `column` as a DOUBLE, NULL when missing or non-numeric text. */
  toNumber(column: string, type: SqlColumnType): string;
  /** `column` as text (customer ids compare as text everywhere). */
  toText(column: string, type: SqlColumnType): string;
  /**
   * `expr` cast to the engine's 64-bit float (DOUBLE is not a type name everywhere: PostgreSQL
   * says double precision).
   */
  double(expr: string): string;
  /**
   * `select` as a subquery whose columns are computed once per row even when the outer query
   * reads them in many places (PostgreSQL would otherwise inline a parsed date into each use).
   */
  evaluatedOnce(select: string): string;
  /** floor(expr) as a DOUBLE. */
  floorOf(expr: string): string;
  /** The natural logarithm of `expr` (Gamma-Gamma's likelihood sums, summed where the customers are). */
  ln(expr: string): string;
  /** Aggregate: the value of `value` on the row with the smallest `key` (ties: any). */
  argMin(value: string, key: string): string;
  /** Aggregate: the `p`-quantile (0..1) of `expr`, linearly interpolated like numpy/Arquero. */
  quantile(expr: string, p: number): string;

  /** Statement creating a session-scoped temporary table from a SELECT. */
  createTemporary(name: string, select: string): string;
  /** Statement dropping a table if it exists. */
  dropTable(name: string): string;
  /**
   * Statements that write `select` into `target` atomically: build a new table under a
   * fresh name, then replace `target` in one step (a rename in a transaction, or EXCHANGE).
   * Readers see either the old table or the new one, never a half-written one.
   */
  replaceTable(target: string, select: string, scratchName: string): string[];
  /** The join keyword for joining a small (temporary) table to `relation`: JOIN, GLOBAL JOIN, ... */
  join(kind: 'inner' | 'left'): string;
}

/** Shared by dialects whose identifiers use double quotes (SQL standard). */
export function doubleQuoted(name: string): string {
  if (name.includes('\0')) throw new Error('An identifier cannot contain a NUL character.');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A dotted name split into parts, each quoted with `quote`. */
export function dottedRelation(name: string, quote: (part: string) => string): string {
  return name
    .split('.')
    .map((part) => quote(part.trim()))
    .join('.');
}

/** A number literal that reads back as the same double. */
export function exactNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`A SQL literal must be a finite number, not ${value}.`);
  // JavaScript prints the shortest text that reads back as the same double.
  return String(value);
}
