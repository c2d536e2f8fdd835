// The body of the push-down summary's equivalence tests, shared by every engine (DuckDB
// embedded, PostgreSQL and the ClickHouse cluster on real servers): a SQL connection's
// summary, rejects and pattern histogram against the file engine and the models library on
// the same rows. Counts and times must agree exactly; money sums to 1e-12 relative (an engine
// adds in its own order).
import assert from 'node:assert/strict';
import { loadSource, type LoadedSource } from '../../server/src/data';
import type { SqlConnection, SqlRelation } from '../../server/src/data/engines/sql/connection';
import {
  customerSummaryQuery,
  includedCustomers,
  loadReportQuery,
  patternHistogramQuery,
  type ReadColumn,
  type SplitQuery,
  type TransactionQuery,
} from '../../server/src/data/engines/sql/summary';
import { summariseTransactions } from '../../server/src/models';
import { isoToDays } from '../../server/src/kernel/units';
import { CDNOW_LOG } from '../../samples/warehouse/build-database';
import { GENERATED_SPLIT } from './generated-log';

export const split: SplitQuery = {
  calibrationEnd: isoToDays(GENERATED_SPLIT.calibrationEnd),
  holdoutEnd: isoToDays(GENERATED_SPLIT.holdoutEnd),
  unitDays: 7,
  returns: 'exclude',
};

/** Where a transaction table's roles are in an engine. */
export interface TransactionTable {
  relation: SqlRelation;
  customer: string;
  date: ReadColumn;
  amount: string;
}

export async function transactionQuery(connection: SqlConnection, t: TransactionTable): Promise<TransactionQuery> {
  return { ...t, columns: await connection.columns(t.relation), whereColumns: [], where: null };
}

export async function sqlSummary(connection: SqlConnection, q: TransactionQuery, s: SplitQuery = split) {
  const d = connection.dialect;
  await connection.execute(d.createTemporary('summary', customerSummaryQuery(d, q, s)));
  const rows = await connection.query(
    `SELECT * FROM ${d.identifier('summary')} WHERE ${includedCustomers(d, s)} ORDER BY ${d.identifier('customer')}`,
  );
  // Customers with returns only (`returns net`) have no first purchase day: not excluded for a late one.
  const excluded = await connection.query(
    `SELECT count(*) FROM ${d.identifier('summary')} WHERE NOT (${includedCustomers(d, s)})`,
  );
  return { rows: rows.rows, names: rows.names, excluded: Number(excluded.rows[0][0]) };
}

/** The models library's summary of the file engine's log, as rows sorted by customer id. */
export function fileSummary(loaded: LoadedSource, options: SplitQuery = split) {
  if (loaded.kind !== 'transactions') throw new Error(`expected transactions, got ${loaded.kind}`);
  const s = summariseTransactions(loaded.log, { ...options, unit: 7 });
  const order = s.customerIds.map((_, i) => i).sort((a, b) => (s.customerIds[a] < s.customerIds[b] ? -1 : 1));
  const rows = order.map((i) => [
    s.customerIds[i],
    s.frequency[i],
    s.recency[i],
    s.T[i],
    s.monetary![i],
    s.totalSpend![i],
    s.firstPurchase[i],
    s.lastPurchase[i],
    s.holdoutPurchases![i],
    s.holdoutSpend![i],
  ]);
  return { rows, excluded: s.excludedCustomers };
}

// Money columns (monetary, total_spend, holdout_spend) are sums, and an engine adds in its own
// order: they agree to 1e-12 relative; counts and times agree exactly.
const MONEY = new Set([4, 5, 9]);

export function assertSameSummary(
  sql: Awaited<ReturnType<typeof sqlSummary>>,
  file: ReturnType<typeof fileSummary>,
): void {
  assert.equal(sql.rows.length, file.rows.length, 'customers');
  assert.equal(sql.excluded, file.excluded, 'excluded customers');
  for (let i = 0; i < file.rows.length; i++) {
    const [got, want] = [sql.rows[i], file.rows[i]];
    want.forEach((v, k) => {
      const where = `customer ${want[0]}, ${sql.names[k]}`;
      if (!MONEY.has(k)) assert.equal(got[k], v, where);
      else
        assert.ok(
          Math.abs((got[k] as number) - (v as number)) <= 1e-12 * Math.max(1, Math.abs(v as number)),
          `${where}: ${got[k]} vs ${v}`,
        );
    });
  }
}

/** The CDNOW sample as the file engine reads it (samples/cdnow). */
export function cdnowFromFile(): Promise<LoadedSource> {
  return loadSource({
    path: CDNOW_LOG,
    format: 'text',
    kind: 'transactions',
    header: false,
    columns: ['master_id', 'sample_id', 'date', 'cds', 'sales'],
    mappings: [
      { role: 'customer', columns: ['master_id'] },
      { role: 'date', columns: ['date'], format: 'YYYYMMDD' },
      { role: 'amount', columns: ['sales'] },
    ],
  });
}

/** A CSV with a header (customer_id/customer, date, amount columns named by `t`) as the file engine reads it. */
export function csvFromFile(path: string, t: TransactionTable): Promise<LoadedSource> {
  return loadSource({
    path,
    format: 'csv',
    kind: 'transactions',
    mappings: [
      { role: 'customer', columns: [t.customer] },
      { role: 'date', columns: [t.date.name], format: t.date.dateFormat },
      { role: 'amount', columns: [t.amount] },
    ],
  });
}

/** CDNOW through the engine: the same 2,357 customers and summary; every customer in one pattern. */
export async function checkCdnowSummary(connection: SqlConnection, table: TransactionTable): Promise<void> {
  const q = await transactionQuery(connection, table);
  const file = fileSummary(await cdnowFromFile());
  assert.equal(file.rows.length, 2357);
  assertSameSummary(await sqlSummary(connection, q), file);
  const histogram = await connection.query(patternHistogramQuery(connection.dialect, 'summary', split));
  assert.equal(
    histogram.rows.reduce((t, r) => t + Number(r[3]), 0),
    2357,
    'every customer is in one pattern',
  );
  assert.ok(histogram.rows.length < 2357 / 2, `${histogram.rows.length} patterns`);
}

/** A log with junk rows through the engine: the same rejects by reason, rows kept and summary as `loaded`. */
export async function checkLogSummary(
  connection: SqlConnection,
  table: TransactionTable,
  loaded: LoadedSource,
  returns: SplitQuery['returns'] = 'exclude',
): Promise<void> {
  const q = await transactionQuery(connection, table);
  const report = await connection.query(loadReportQuery(connection.dialect, q));
  const rejected = report.rows
    .filter((r) => r[0] !== null && r[0] !== '')
    .map((r) => ({ reason: r[0], count: Number(r[1]) }))
    .sort((a, b) => b.count - a.count);
  assert.deepEqual(
    rejected,
    loaded.report.rejected.map((g) => ({ reason: g.reason, count: g.count })),
  );
  assert.equal(Number(report.rows.find((r) => r[0] === null || r[0] === '')![2]), loaded.report.rows, 'rows kept');
  const s = { ...split, returns };
  assertSameSummary(await sqlSummary(connection, q, s), fileSummary(loaded, s));
}
