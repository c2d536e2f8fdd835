// The push-down summary on DuckDB against the file engine and the models library, on the
// CDNOW sample (as a DuckDB table) and on a generated log with junk rows, returns and
// same-day duplicates (read by DuckDB from the CSV): the same rejects by reason, the same
// customers and exactly the same per-customer summary. The test body is shared with the
// PostgreSQL and ClickHouse tests (summary-equivalence.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbConnection } from '../../server/src/data/engines/sql/duckdb-connection';
import { duckdbFileScan } from '../../server/src/data/engines/sql/duckdb-dialect';
import { buildCdnowDatabase } from '../../samples/warehouse/build-database';
import { writeGeneratedLog } from './generated-log';
import { checkCdnowSummary, checkLogSummary, csvFromFile, type TransactionTable } from './summary-equivalence';

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
    await checkCdnowSummary(connection, {
      relation: { kind: 'table', name: 'orders' },
      customer: 'customer_id',
      date: { name: 'order_date', kind: 'date' },
      amount: 'sales',
    });
  });

  for (const returns of ['exclude', 'net', 'keep'] as const)
    it(`on a generated CSV with junk rows, returns and same-day duplicates, read by DuckDB as text (returns ${returns})`, async () => {
      const csv = join(dir, 'log.csv');
      writeGeneratedLog(csv, 20_000);
      connection = await DuckDbConnection.open();
      const table: TransactionTable = {
        relation: { kind: 'query', sql: duckdbFileScan(csv, 'csv') },
        customer: 'customer',
        date: { name: 'date', kind: 'date', dateFormat: 'ISO' },
        amount: 'amount',
      };
      await checkLogSummary(connection, table, await csvFromFile(csv, table), returns);
    });
});
