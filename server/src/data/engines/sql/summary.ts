// The push-down planner's core: the SQL that turns a transaction table into what the models
// need, with exactly the file engine's conventions (server/src/models/summary/build.ts):
//   - a row is rejected, and counted by reason, when its customer is missing, its date is
//     missing or unreadable, or its amount (or a number a `where` reads) is non-numeric;
//   - `where` conditions then filter (filtered rows are counted, never confused with rejects);
//   - purchases on the same day are one transaction, amounts summed; times are taken at the
//     start of their day; the calibration end and holdout end days are inclusive;
//   - returns (negative amounts) are dropped unless kept; zero amounts are purchases;
//   - x = calibration days - 1, t_x = (last day - first day) / unit, T = (calibration end day
//     - first day) / unit, monetary = mean spend of the repeat days (0 when x = 0);
//   - a customer whose first purchase is after the calibration end is excluded (counted).
// Everything below is text built through the dialect: identifiers quoted, literals escaped.
import { REJECT_REASONS } from '../../policy';
import { DataError } from '../../errors';
import type { SqlColumn, SqlDialect } from './dialect';
import { fromItem, type SqlRelation } from './connection';

/** How a column is read: like the file engine's ColumnRequest kinds. */
export type ReadKind = 'id' | 'number' | 'date' | 'text';

export interface ReadColumn {
  name: string;
  kind: ReadKind;
  /** For dates stored as text or integers: ISO (default), YYYYMMDD or a pattern. */
  dateFormat?: string;
}

export interface TransactionQuery {
  relation: SqlRelation;
  /** The relation's columns, from the engine's catalog. */
  columns: SqlColumn[];
  customer: string;
  date: ReadColumn;
  amount: string | null;
  /** Further columns the `where` conditions read (a row that cannot read one is rejected). */
  whereColumns: ReadColumn[];
  /** The `where` conditions as one SQL boolean over `whereColumnAlias(i)`, or null. */
  where: string | null;
}

export interface SplitQuery {
  /** Days since the epoch (the whole day is in calibration). */
  calibrationEnd: number;
  holdoutEnd: number | null;
  /** Length of the time unit in days (7 for weeks). */
  unitDays: number;
  /** Returns (negative amounts): dropped, or kept as purchases netting into spend. */
  negativeAmounts: 'drop' | 'keep';
}

/** The name under which the `where` SQL sees the i-th where column. */
export function whereColumnAlias(i: number): string {
  return `w${i}`;
}

/** The relation's column by name, or a DataError listing what there is. */
export function catalogColumn(columns: SqlColumn[], name: string): SqlColumn {
  const column = columns.find((c) => c.name === name);
  if (!column)
    throw new DataError(`No column "${name}" in the table; its columns are: ${columns.map((c) => c.name).join(', ')}.`);
  return column;
}

/** `column` read as `kind` (NULL when unreadable). */
export function readExpression(dialect: SqlDialect, column: SqlColumn, read: ReadColumn): string {
  const quoted = dialect.identifier(column.name);
  switch (read.kind) {
    case 'id':
    case 'text':
      return dialect.toText(quoted, column.type);
    case 'number':
      return dialect.toNumber(quoted, column.type);
    case 'date':
      return dialect.epochDays(quoted, column.type, read.dateFormat);
  }
}

/**
 * Every row of the relation as (c, t, a, w0.., reason, keep): the customer as text, the time
 * in days, the amount, the where columns, why the row is rejected (NULL when readable) and
 * whether the `where` conditions keep it.
 */
export function checkedRows(d: SqlDialect, q: TransactionQuery): string {
  const col = (name: string) => catalogColumn(q.columns, name);
  const id = (name: string) => d.identifier(name);
  const reads: { alias: string; read: ReadColumn; reason: (raw: string) => string }[] = [
    { alias: 'c', read: { name: q.customer, kind: 'id' }, reason: () => REJECT_REASONS.missing(q.customer) },
    { alias: 't', read: q.date, reason: () => REJECT_REASONS.malformedDate(q.date.name, q.date.dateFormat) },
    ...(q.amount
      ? [
          {
            alias: 'a',
            read: { name: q.amount, kind: 'number' as const },
            reason: () => REJECT_REASONS.nonNumeric(q.amount!),
          },
        ]
      : []),
    ...q.whereColumns.map((read, i) => ({
      alias: whereColumnAlias(i),
      read,
      reason: () =>
        read.kind === 'date'
          ? REJECT_REASONS.malformedDate(read.name, read.dateFormat)
          : REJECT_REASONS.nonNumeric(read.name),
    })),
  ];
  const selected = reads.map((r) => `${readExpression(d, col(r.read.name), r.read)} AS ${id(r.alias)}`);
  if (!q.amount) selected.push(`${d.double('0')} AS ${id('a')}`);
  // The first unreadable column names the reason, like the file engine's first failing field.
  const unreadable = reads
    .filter((r) => r.read.kind !== 'text')
    .map((r) => {
      const test = r.read.kind === 'id' ? `${id(r.alias)} IS NULL OR ${id(r.alias)} = ''` : `${id(r.alias)} IS NULL`;
      return `WHEN ${test} THEN ${d.string(r.reason(''))}`;
    });
  const reason = `CASE ${unreadable.join(' ')} END`;
  const keep = q.where
    ? `CASE WHEN ${reason} IS NULL AND (${q.where}) THEN 1 ELSE 0 END`
    : `CASE WHEN ${reason} IS NULL THEN 1 ELSE 0 END`;
  return (
    `SELECT ${['c', 't', 'a', ...q.whereColumns.map((_, i) => whereColumnAlias(i))].map(id).join(', ')}, ` +
    `${reason} AS ${id('reason')}, ${keep} AS ${id('keep')} ` +
    `FROM (${d.evaluatedOnce(`SELECT ${selected.join(', ')} FROM ${fromItem(d, q.relation)}`)}) AS ${id('src')}`
  );
}

/**
 * What was read: one row per reject reason (NULL for readable rows) with its count and how
 * many of those rows the `where` conditions keep; plus customers and date range of kept rows.
 * Columns: reason, rows, kept, customers, min_t, max_t, spend (the last four only on the NULL row).
 */
export function loadReportQuery(d: SqlDialect, q: TransactionQuery): string {
  const id = (name: string) => d.identifier(name);
  return (
    `SELECT ${id('reason')}, ${d.double('count(*)')} AS ${id('rows')}, ${d.double(`sum(${id('keep')})`)} AS ${id('kept')}, ` +
    `${d.double(`count(DISTINCT CASE WHEN ${id('keep')} = 1 THEN ${id('c')} END)`)} AS ${id('customers')}, ` +
    `min(CASE WHEN ${id('keep')} = 1 THEN ${id('t')} END) AS ${id('min_t')}, max(CASE WHEN ${id('keep')} = 1 THEN ${id('t')} END) AS ${id('max_t')}, ` +
    `sum(CASE WHEN ${id('keep')} = 1 THEN ${id('a')} END) AS ${id('spend')} ` +
    `FROM (${checkedRows(d, q)}) AS ${id('checked')} GROUP BY ${id('reason')}`
  );
}

/** The per-customer summary's columns, in order (the file engine's CustomerSummary names). */
export const SUMMARY_COLUMNS = [
  'customer',
  'frequency',
  'recency',
  'age',
  'monetary',
  'total_spend',
  'first_purchase',
  'last_purchase',
  'holdout_purchases',
  'holdout_spend',
  'first_day',
] as const;

/**
 * One row per customer with a first purchase by the calibration end (SUMMARY_COLUMNS), plus
 * customers excluded for a later first purchase, marked by `first_day` >= the calibration
 * end's next day (callers filter or count them with `includedCustomers`/`excludedCustomers`).
 */
/** One row per customer and purchase day (c, d, tmin, tmax, spend): same-day purchases merged, usable rows only. */
export function purchaseDaysQuery(d: SqlDialect, q: TransactionQuery, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const endExclusive = d.number(Math.floor(split.holdoutEnd ?? split.calibrationEnd) + 1);
  const returns = split.negativeAmounts === 'drop' ? ` AND ${id('a')} >= 0` : '';
  const usable =
    `SELECT ${id('c')}, ${id('t')}, ${d.floorOf(id('t'))} AS ${id('d')}, ${id('a')} FROM (${checkedRows(d, q)}) AS ${id('checked')} ` +
    `WHERE ${id('keep')} = 1 AND ${id('t')} < ${endExclusive}${returns}`;
  return (
    `SELECT ${id('c')}, ${id('d')}, min(${id('t')}) AS ${id('tmin')}, max(${id('t')}) AS ${id('tmax')}, sum(${id('a')}) AS ${id('spend')} ` +
    `FROM (${usable}) AS ${id('usable')} GROUP BY ${id('c')}, ${id('d')}`
  );
}

/**
 * One row per customer with a first purchase by the calibration end (SUMMARY_COLUMNS), plus
 * customers excluded for a later first purchase, marked by `first_day` >= the calibration
 * end's next day (callers filter or count them with `includedCustomers`).
 */
export function customerSummaryQuery(d: SqlDialect, q: TransactionQuery, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const n = (v: number) => d.number(v);
  const calEndDay = Math.floor(split.calibrationEnd);
  const calExclusive = n(calEndDay + 1);
  const inCal = (expr: string, otherwise = 'NULL') =>
    `CASE WHEN ${id('d')} < ${calExclusive} THEN ${expr} ELSE ${otherwise} END`;
  const inHoldout = (expr: string, otherwise = 'NULL') =>
    `CASE WHEN ${id('d')} >= ${calExclusive} THEN ${expr} ELSE ${otherwise} END`;
  const days = purchaseDaysQuery(d, q, split);
  const perCustomer =
    `SELECT ${id('c')}, min(${id('d')}) AS ${id('first_day')}, min(${id('tmin')}) AS ${id('first_time')}, ` +
    `${d.double(`count(${inCal('1')})`)} AS ${id('cal_days')}, max(${inCal(id('d'))}) AS ${id('last_day')}, ` +
    `max(${inCal(id('tmax'))}) AS ${id('last_time')}, sum(${inCal(id('spend'), '0')}) AS ${id('total')}, ` +
    `${d.argMin(id('spend'), id('d'))} AS ${id('first_spend')}, ` +
    `${d.double(`count(${inHoldout('1')})`)} AS ${id('hold_days')}, sum(${inHoldout(id('spend'), '0')}) AS ${id('hold_spend')} ` +
    `FROM (${days}) AS ${id('days')} GROUP BY ${id('c')}`;
  const unit = n(split.unitDays);
  const money = (expr: string) => (q.amount ? expr : d.double('NULL'));
  const holdout = (expr: string) => (split.holdoutEnd === null ? d.double('NULL') : expr);
  const columns = [
    `${id('c')} AS ${id('customer')}`,
    `${id('cal_days')} - 1 AS ${id('frequency')}`,
    `(${id('last_day')} - ${id('first_day')}) / ${unit} AS ${id('recency')}`,
    `(${n(calEndDay)} - ${id('first_day')}) / ${unit} AS ${id('age')}`,
    `${money(`CASE WHEN ${id('cal_days')} > 1 THEN (${id('total')} - ${id('first_spend')}) / (${id('cal_days')} - 1) ELSE 0 END`)} AS ${id('monetary')}`,
    `${money(id('total'))} AS ${id('total_spend')}`,
    `${id('first_time')} AS ${id('first_purchase')}`,
    `${id('last_time')} AS ${id('last_purchase')}`,
    `${holdout(id('hold_days'))} AS ${id('holdout_purchases')}`,
    `${holdout(money(id('hold_spend')))} AS ${id('holdout_spend')}`,
    `${id('first_day')}`,
  ];
  return `SELECT ${columns.join(', ')} FROM (${perCustomer}) AS ${id('per_customer')}`;
}

/** The condition that keeps customers whose first purchase is by the calibration end. */
export function includedCustomers(d: SqlDialect, split: SplitQuery): string {
  return `${d.identifier('first_day')} < ${d.number(Math.floor(split.calibrationEnd) + 1)}`;
}

/**
 * The (x, t_x, T) pattern histogram of a summary table: all a purchase model's fit needs,
 * and its size is the number of distinct patterns, not customers. Columns: frequency,
 * recency, age, customers.
 */
export function patternHistogramQuery(d: SqlDialect, summaryTable: string, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const keys = [id('frequency'), id('recency'), id('age')].join(', ');
  return (
    `SELECT ${keys}, ${d.double('count(*)')} AS ${id('customers')} FROM ${id(summaryTable)} ` +
    `WHERE ${includedCustomers(d, split)} GROUP BY ${keys} ORDER BY ${keys}`
  );
}

/**
 * The (x, monetary) histogram of repeat customers: what Gamma-Gamma fits on. Columns:
 * frequency, monetary, customers.
 */
export function spendHistogramQuery(d: SqlDialect, summaryTable: string, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const keys = [id('frequency'), id('monetary')].join(', ');
  return (
    `SELECT ${keys}, ${d.double('count(*)')} AS ${id('customers')} FROM ${id(summaryTable)} ` +
    `WHERE ${includedCustomers(d, split)} AND ${id('frequency')} > 0 GROUP BY ${keys} ORDER BY ${keys}`
  );
}

/**
 * How many repeat purchases (days after a customer's first) fall on each day, over the
 * summarised customers, calibration and holdout: what the tracking chart counts. Columns:
 * d (days since the epoch), purchases. Its size is the number of distinct days.
 */
export function repeatDaysQuery(d: SqlDialect, q: TransactionQuery, split: SplitQuery, summaryTable: string): string {
  const id = (name: string) => d.identifier(name);
  const day = `${id('days')}.${id('d')}`;
  return (
    `SELECT ${day} AS ${id('d')}, ${d.double('count(*)')} AS ${id('purchases')} FROM (${purchaseDaysQuery(d, q, split)}) AS ${id('days')} ` +
    `${d.join('inner')} ${id(summaryTable)} AS ${id('s')} ON ${id('days')}.${id('c')} = ${id('s')}.${id('customer')} ` +
    `WHERE ${day} > ${id('s')}.${id('first_day')} AND ${id('s')}.${includedCustomers(d, split)} GROUP BY ${day} ORDER BY ${day}`
  );
}
