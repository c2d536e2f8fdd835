// Fitting and scoring pushed down to DuckDB, on the CDNOW sample stored as a DuckDB table,
// equal the in-memory fit (pushdown-equivalence.ts; the PostgreSQL and ClickHouse contract tests
// run the same body on real servers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbConnection } from '../../server/src/data/engines/sql/duckdb-connection';
import { buildCdnowDatabase } from '../../samples/warehouse/build-database';
import { checkPushdownFit } from './pushdown-equivalence';

describe('warehouse: fitting and scoring pushed down to DuckDB equal the in-memory fit', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => (dir = mkdtempSync(join(tmpdir(), 'clv-pushdown-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('BG/NBD on the pattern histogram, Gamma-Gamma on per-x sums, scores joined per customer in the engine', async () => {
    const path = join(dir, 'cdnow.duckdb');
    await buildCdnowDatabase(path);
    const connection = await DuckDbConnection.open({ path });
    try {
      await checkPushdownFit(connection, {
        relation: { kind: 'table', name: 'orders' },
        customer: 'customer_id',
        date: { name: 'order_date', kind: 'date' },
        amount: 'sales',
      });
    } finally {
      await connection.close();
    }
  });
});
