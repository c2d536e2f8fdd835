// The push-down summary on DuckDB against the file engine and the models library, on the
// CDNOW sample (as a DuckDB table) and on a generated log with junk rows, returns and
// same-day duplicates (read by DuckDB from the CSV): the same rejects by reason, the same
// customers and exactly the same per-customer summary.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSource, type LoadedSource } from '../../server/src/data';
import { DuckDbConnection } from '../../server/src/data/engines/sql/duckdb-connection';
import { duckdbFileScan } from '../../server/src/data/engines/sql/duckdb-dialect';
import {
  customerSummaryQuery,
  includedCustomers,
  loadReportQuery,
  patternHistogramQuery,
  type SplitQuery,
  type TransactionQuery,
} from '../../server/src/data/engines/sql/summary';
import type { SqlRelation } from '../../server/src/data/engines/sql/connection';
import { summariseTransactions } from '../../server/src/models';
import { buildCdnowDatabase, CDNOW_LOG } from '../../samples/warehouse/build-database';
import { GENERATED_SPLIT, writeGeneratedLog } from './generated-log';
import { isoToDays } from '../../server/src/kernel/units';

const split: SplitQuery = {
  calibrationEnd: isoToDays(GENERATED_SPLIT.calibrationEnd),
  holdoutEnd: isoToDays(GENERATED_SPLIT.holdoutEnd),
  unitDays: 7,
  negativeAmounts: 'drop',
};

async function sqlSummary(connection: DuckDbConnection, q: TransactionQuery) {
  const d = connection.dialect;
  await connection.execute(d.createTemporary('summary', customerSummaryQuery(d, q, split)));
  const rows = await connection.query(`SELECT * FROM summary WHERE ${includedCustomers(d, split)} ORDER BY customer`);
  const excluded = await connection.query(`SELECT count(*) FROM summary WHERE NOT (${includedCustomers(d, split)})`);
  return { rows: rows.rows, names: rows.names, excluded: excluded.rows[0][0] as number };
}

/** The models library's summary of the file engine's log, as rows sorted by customer id. */
function fileSummary(loaded: LoadedSource) {
  assert.equal(loaded.kind, 'transactions');
  if (loaded.kind !== 'transactions') throw new Error();
  const s = summariseTransactions(loaded.log, { ...split, unit: 7 });
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

function assertSameSummary(sql: Awaited<ReturnType<typeof sqlSummary>>, file: ReturnType<typeof fileSummary>) {
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

describe('warehouse: the DuckDB push-down summary equals the file engine', () => {
  let dir: string;
  let connection: DuckDbConnection | undefined;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'clv-duckdb-'))));
  afterEach(async () => {
    await connection?.close();
    connection = undefined;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('on the CDNOW sample stored as a DuckDB table (DATE column)', async () => {
    const path = join(dir, 'cdnow.duckdb');
    await buildCdnowDatabase(path);
    connection = await DuckDbConnection.open({ path });
    const relation: SqlRelation = { kind: 'table', name: 'orders' };
    const q: TransactionQuery = {
      relation,
      columns: await connection.columns(relation),
      customer: 'customer_id',
      date: { name: 'order_date', kind: 'date' },
      amount: 'sales',
      whereColumns: [],
      where: null,
    };
    const loaded = await loadSource({
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
    const file = fileSummary(loaded);
    assert.equal(file.rows.length, 2357);
    assertSameSummary(await sqlSummary(connection, q), file);
    const histogram = await connection.query(patternHistogramQuery(connection.dialect, 'summary', split));
    assert.equal(
      histogram.rows.reduce((t, r) => t + (r[3] as number), 0),
      2357,
      'every customer is in one pattern',
    );
    assert.ok(histogram.rows.length < 2357 / 2, `${histogram.rows.length} patterns`);
  });

  it('on a generated CSV with junk rows, returns and same-day duplicates, read by DuckDB as text', async () => {
    const csv = join(dir, 'log.csv');
    writeGeneratedLog(csv, 20_000);
    connection = await DuckDbConnection.open();
    const relation: SqlRelation = { kind: 'query', sql: duckdbFileScan(csv, 'csv') };
    const q: TransactionQuery = {
      relation,
      columns: await connection.columns(relation),
      customer: 'customer',
      date: { name: 'date', kind: 'date', dateFormat: 'ISO' },
      amount: 'amount',
      whereColumns: [],
      where: null,
    };
    const loaded = await loadSource({
      path: csv,
      format: 'csv',
      kind: 'transactions',
      mappings: [
        { role: 'customer', columns: ['customer'] },
        { role: 'date', columns: ['date'] },
        { role: 'amount', columns: ['amount'] },
      ],
    });
    const report = await connection.query(loadReportQuery(connection.dialect, q));
    const rejected = report.rows
      .filter((r) => r[0] !== null)
      .map((r) => ({ reason: r[0], count: r[1] }))
      .sort((a, b) => (b.count as number) - (a.count as number));
    assert.deepEqual(
      rejected,
      loaded.report.rejected.map((g) => ({ reason: g.reason, count: g.count })),
    );
    assert.equal(report.rows.find((r) => r[0] === null)![2], loaded.report.rows, 'rows kept');
    assertSameSummary(await sqlSummary(connection, q), fileSummary(loaded));
  });
});
