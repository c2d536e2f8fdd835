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
import { isoDays, PLAUSIBLE_DATES, REJECT_REASONS, type ReturnsPolicy } from '../../policy';
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
  /** Transaction dates outside this range (ISO, inclusive) reject their row; PLAUSIBLE_DATES by default. */
  plausibleDates?: { earliest: string; latest: string };
}

export interface SplitQuery {
  /** Days since the epoch (the whole day is in calibration). */
  calibrationEnd: number;
  holdoutEnd: number | null;
  /** Length of the time unit in days (7 for weeks). */
  unitDays: number;
  /** The source's `returns`: negative amounts dropped, taken off spend (not purchases), or kept as purchases. */
  returns: ReturnsPolicy;
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
      return `WHEN ${test} THEN ${d.string(r.reason(''))}${r.alias === 't' ? implausible(d, q) : ''}`;
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

/** The transaction date's plausible range as a further reject reason (the file engine's `dateBounds`). */
function implausible(d: SqlDialect, q: TransactionQuery): string {
  const { earliest, latest } = q.plausibleDates ?? PLAUSIBLE_DATES;
  const t = d.identifier('t');
  const reason = REJECT_REASONS.implausibleDate(q.date.name, earliest, latest);
  return ` WHEN ${t} < ${d.number(isoDays(earliest))} OR ${t} >= ${d.number(isoDays(latest) + 1)} THEN ${d.string(reason)}`;
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

/**
 * What became of each customer read (a row with a customer id): some row kept, every readable
 * row filtered out by `where`, or every row rejected (named by one of their rows' reasons: a
 * table has no row order, so not by the last row as a file's). Columns: kept (1/0), readable
 * (1/0), reason (of the rejected), customers.
 */
export function customerReportQuery(d: SqlDialect, q: TransactionQuery): string {
  const id = (name: string) => d.identifier(name);
  const perCustomer =
    `SELECT ${id('c')}, max(${id('keep')}) AS ${id('kept')}, ` +
    `max(CASE WHEN ${id('reason')} IS NULL THEN 1 ELSE 0 END) AS ${id('readable')}, min(${id('reason')}) AS ${id('why')} ` +
    `FROM (${checkedRows(d, q)}) AS ${id('checked')} WHERE ${id('c')} IS NOT NULL AND ${id('c')} <> '' GROUP BY ${id('c')}`;
  const reason = `CASE WHEN ${id('readable')} = 0 THEN ${id('why')} END`;
  return (
    `SELECT ${id('kept')}, ${id('readable')}, ${reason} AS ${id('reason')}, ${d.double('count(*)')} AS ${id('customers')} ` +
    `FROM (${perCustomer}) AS ${id('per_customer')} GROUP BY ${id('kept')}, ${id('readable')}, ${reason}`
  );
}

/** What became of a source's customers at a split, as the file summary's warning codes say it. */
export type CustomerOutcome = 'included' | 'first-purchase-after-calibration' | 'only-after-end' | 'only-returns';

/**
 * The file summary's accounting of a split, over the rows the source kept: per outcome
 * (CustomerOutcome) the customers, and over their rows those after the end, with amount 0,
 * with a negative amount (before the end), and repeating another usable row exactly
 * (customer, time, amount; counted for included customers only, as the file summary does).
 * Columns: outcome, customers, after_end, zero, negative, duplicates.
 */
export function customerOutcomeQuery(d: SqlDialect, q: TransactionQuery, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const [c, t, a, n] = ['c', 't', 'a', 'n'].map(id);
  const endExclusive = d.number(Math.floor(split.holdoutEnd ?? split.calibrationEnd) + 1);
  const inRange = `${t} < ${endExclusive}`;
  const usable = split.returns === 'exclude' ? `${a} >= 0` : '1 = 1';
  const rowsOf = (when: string) => `sum(CASE WHEN ${when} THEN ${n} ELSE 0 END)`;
  const money = (when: string) => (q.amount ? rowsOf(when) : '0');
  const same =
    `SELECT ${c}, ${t}, ${a}, count(*) AS ${n} FROM (${checkedRows(d, q)}) AS ${id('checked')} ` +
    `WHERE ${id('keep')} = 1 GROUP BY ${c}, ${t}, ${a}`;
  const perCustomer =
    `SELECT ${c}, ${rowsOf(`NOT (${inRange})`)} AS ${id('late')}, ${money(`${inRange} AND ${a} = 0`)} AS ${id('zero')}, ` +
    `${money(`${inRange} AND ${a} < 0`)} AS ${id('negative')}, ` +
    `sum(CASE WHEN ${inRange} AND ${usable} THEN ${n} - 1 ELSE 0 END) AS ${id('duplicates')}, ` +
    `min(CASE WHEN ${inRange} AND ${purchaseRow(d, split.returns)} THEN ${t} END) AS ${id('first_buy')} ` +
    `FROM (${same}) AS ${id('same')} GROUP BY ${c}`;
  const word = (outcome: CustomerOutcome) => d.string(outcome);
  const outcome =
    `CASE WHEN ${id('first_buy')} IS NULL THEN CASE WHEN ${id('late')} > 0 THEN ${word('only-after-end')} ELSE ${word('only-returns')} END ` +
    `WHEN ${id('first_buy')} >= ${d.number(Math.floor(split.calibrationEnd) + 1)} THEN ${word('first-purchase-after-calibration')} ` +
    `ELSE ${word('included')} END`;
  const total = (name: string) => `${d.double(`sum(${id(name)})`)} AS ${id(name === 'late' ? 'after_end' : name)}`;
  return (
    `SELECT ${outcome} AS ${id('outcome')}, ${d.double('count(*)')} AS ${id('customers')}, ` +
    `${['late', 'zero', 'negative', 'duplicates'].map(total).join(', ')} ` +
    `FROM (${perCustomer}) AS ${id('per_customer')} GROUP BY ${outcome}`
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

/** Whether a row of amount `a` is a purchase under the source's `returns` (a negative amount only with `keep`). */
function purchaseRow(d: SqlDialect, returns: ReturnsPolicy): string {
  return returns === 'keep' ? '1 = 1' : `${d.identifier('a')} >= 0`;
}

/**
 * One row per customer and day with a usable row (c, d, buys, tmin, tmax, spend): same-day
 * rows merged; `buys` counts the purchase rows, `tmin`/`tmax` are their times (NULL on a day of
 * netted returns only) and `spend` sums every usable row's amount (returns net into it).
 */
export function purchaseDaysQuery(d: SqlDialect, q: TransactionQuery, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const endExclusive = d.number(Math.floor(split.holdoutEnd ?? split.calibrationEnd) + 1);
  const returns = split.returns === 'exclude' ? ` AND ${id('a')} >= 0` : '';
  const usable =
    `SELECT ${id('c')}, ${id('t')}, ${d.floorOf(id('t'))} AS ${id('d')}, ${id('a')} FROM (${checkedRows(d, q)}) AS ${id('checked')} ` +
    `WHERE ${id('keep')} = 1 AND ${id('t')} < ${endExclusive}${returns}`;
  const purchase = purchaseRow(d, split.returns);
  const ofPurchases = (expr: string) => `CASE WHEN ${purchase} THEN ${expr} END`;
  return (
    `SELECT ${id('c')}, ${id('d')}, ${d.double(`count(${ofPurchases('1')})`)} AS ${id('buys')}, ` +
    `min(${ofPurchases(id('t'))}) AS ${id('tmin')}, max(${ofPurchases(id('t'))}) AS ${id('tmax')}, sum(${id('a')}) AS ${id('spend')} ` +
    `FROM (${usable}) AS ${id('usable')} GROUP BY ${id('c')}, ${id('d')}`
  );
}

/**
 * One row per customer with a first purchase by the calibration end (SUMMARY_COLUMNS), plus
 * customers excluded for a later first purchase, marked by `first_day` >= the calibration
 * end's next day, and (with `returns net`) customers with returns only, whose `first_day` is
 * NULL (callers keep the first with `includedCustomers`).
 */
export function customerSummaryQuery(d: SqlDialect, q: TransactionQuery, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const n = (v: number) => d.number(v);
  const calEndDay = Math.floor(split.calibrationEnd);
  const calExclusive = n(calEndDay + 1);
  const bought = `${id('buys')} > 0`;
  const inCal = (expr: string, otherwise = 'NULL', when = '1 = 1') =>
    `CASE WHEN ${id('d')} < ${calExclusive} AND ${when} THEN ${expr} ELSE ${otherwise} END`;
  const inHoldout = (expr: string, otherwise = 'NULL', when = '1 = 1') =>
    `CASE WHEN ${id('d')} >= ${calExclusive} AND ${when} THEN ${expr} ELSE ${otherwise} END`;
  const days = purchaseDaysQuery(d, q, split);
  const perCustomerOf = (from: string, extra: string) =>
    `SELECT ${id('c')}, min(${`CASE WHEN ${bought} THEN ${id('d')} END`}) AS ${id('first_day')}, min(${id('tmin')}) AS ${id('first_time')}, ` +
    `${d.double(`count(${inCal('1', 'NULL', bought)})`)} AS ${id('cal_days')}, max(${inCal(id('d'), 'NULL', bought)}) AS ${id('last_day')}, ` +
    `max(${inCal(id('tmax'))}) AS ${id('last_time')}, sum(${inCal(id('spend'), '0')}) AS ${id('total')}, ` +
    `${d.double(`count(${inHoldout('1', 'NULL', bought)})`)} AS ${id('hold_days')}, sum(${inHoldout(id('spend'), '0')}) AS ${id('hold_spend')}${extra} ` +
    `FROM ${from} GROUP BY ${id('c')}`;
  const perCustomer =
    split.returns === 'net'
      ? netFirstSpend(d, days, perCustomerOf)
      : perCustomerOf(`(${days}) AS ${id('days')}`, `, ${d.argMin(id('spend'), id('d'))} AS ${id('first_spend')}`);
  const unit = n(split.unitDays);
  const money = (expr: string) => (q.amount ? expr : d.double('NULL'));
  const holdout = (expr: string) => (split.holdoutEnd === null ? d.double('NULL') : expr);
  // Netted returns may outweigh a period's purchases: spend never goes below 0 (as in the file summary).
  const repeatSpend = `greatest(0, ${id('total')} - greatest(0, ${id('first_spend')}))`;
  const columns = [
    `${id('c')} AS ${id('customer')}`,
    `${id('cal_days')} - 1 AS ${id('frequency')}`,
    `(${id('last_day')} - ${id('first_day')}) / ${unit} AS ${id('recency')}`,
    `(${n(calEndDay)} - ${id('first_day')}) / ${unit} AS ${id('age')}`,
    `${money(`CASE WHEN ${id('cal_days')} > 1 THEN ${repeatSpend} / (${id('cal_days')} - 1) ELSE 0 END`)} AS ${id('monetary')}`,
    `${money(id('total'))} AS ${id('total_spend')}`,
    `${id('first_time')} AS ${id('first_purchase')}`,
    `${id('last_time')} AS ${id('last_purchase')}`,
    `${holdout(id('hold_days'))} AS ${id('holdout_purchases')}`,
    `${holdout(money(id('hold_spend')))} AS ${id('holdout_spend')}`,
    `${id('first_day')}`,
  ];
  return `SELECT ${columns.join(', ')} FROM (${perCustomer}) AS ${id('per_customer')}`;
}

/**
 * With `returns net`, the first day's spend includes the returns on days before the first
 * purchase (the file summary's first period takes every row up to it), which needs the first
 * purchase day: the days are joined with it (USING, the join every engine speaks, ClickHouse
 * 18.16 included), then summed.
 */
function netFirstSpend(d: SqlDialect, days: string, perCustomerOf: (from: string, extra: string) => string): string {
  const id = (name: string) => d.identifier(name);
  const firstDays =
    `SELECT ${id('c')}, min(CASE WHEN ${id('buys')} > 0 THEN ${id('d')} END) AS ${id('first_buy')} ` +
    `FROM (${days}) AS ${id('days0')} GROUP BY ${id('c')}`;
  const flagged =
    `SELECT ${['c', 'd', 'buys', 'tmin', 'tmax', 'spend'].map(id).join(', ')}, ` +
    `CASE WHEN ${id('d')} <= ${id('first_buy')} THEN ${id('spend')} ELSE 0 END AS ${id('pre')} ` +
    `FROM (${days}) AS ${id('days1')} ${d.join('inner')} (${firstDays}) AS ${id('f')} USING (${id('c')})`;
  return perCustomerOf(`(${flagged}) AS ${id('days')}`, `, sum(${id('pre')}) AS ${id('first_spend')}`);
}

/** The condition that keeps customers whose first purchase is by the calibration end. */
export function includedCustomers(d: SqlDialect, split: SplitQuery): string {
  return `${d.identifier('first_day')} < ${d.number(Math.floor(split.calibrationEnd) + 1)}`;
}

/**
 * The (x, t_x, T) pattern histogram of a summary table: all a purchase model's fit needs,
 * and its size is the number of distinct patterns, not customers. Columns: frequency,
 * recency, age, customers, and the pattern's key in whole days (PATTERN_KEY: frequency,
 * recency_days, age_days), which identifies it exactly in any engine (a recency of 3/7 weeks
 * may not read back as the same double after a trip through another engine's number parser).
 */
export function patternHistogramQuery(d: SqlDialect, summaryTable: string, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  const keys = [id('frequency'), id('recency'), id('age')].join(', ');
  return (
    `SELECT ${keys}, ${d.double('count(*)')} AS ${id('customers')}, ${patternDays(d, split).join(', ')} ` +
    `FROM ${id(summaryTable)} WHERE ${includedCustomers(d, split)} GROUP BY ${keys} ORDER BY ${keys}`
  );
}

/** What identifies a pattern in a summary table: x and the recency and age in whole days. */
export const PATTERN_KEY = ['frequency', 'recency_days', 'age_days'] as const;

/** The summary table's recency and age in whole days (PATTERN_KEY's last two), as select items. */
export function patternDays(d: SqlDialect, split: SplitQuery): string[] {
  const id = (name: string) => d.identifier(name);
  const days = (column: string) => `round(${id(column)} * ${d.number(split.unitDays)})`;
  return [`${days('recency')} AS ${id('recency_days')}`, `${days('age')} AS ${id('age_days')}`];
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
