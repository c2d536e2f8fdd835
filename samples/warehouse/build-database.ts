// Builds the warehouse sample's DuckDB database from the CDNOW sample's transaction log:
//   npx tsx samples/warehouse/build-database.ts [out.duckdb]
// The log is read by the project's own file engine (exactly as samples/cdnow reads it) and
// written to a table `orders` (customer_id VARCHAR, order_date DATE, cds INTEGER, sales
// DOUBLE), so that the warehouse notebook and the file notebook see the same rows.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { DuckDBDateValue, DuckDBInstance } from '@duckdb/node-api';
import { loadSource } from '../../server/src/data';

const here = dirname(fileURLToPath(import.meta.url));

export const CDNOW_LOG = join(here, '..', 'cdnow', 'data', 'CDNOW_sample.txt');

/** Writes the database to `out` (replacing it); returns the number of orders written. */
export async function buildCdnowDatabase(out: string): Promise<number> {
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
    filterColumns: [{ name: 'cds', kind: 'number' }],
  });
  if (loaded.kind !== 'transactions') throw new Error('the CDNOW log is a transaction log');
  const { log, extra } = loaded;
  const cds = extra.get('cds');
  if (cds?.kind !== 'number') throw new Error('the CDNOW log has a cds column');
  rmSync(out, { force: true });
  const instance = await DuckDBInstance.create(out);
  const connection = await instance.connect();
  try {
    await connection.run(
      'CREATE TABLE orders (customer_id VARCHAR NOT NULL, order_date DATE NOT NULL, cds INTEGER, sales DOUBLE)',
    );
    const appender = await connection.createAppender('orders');
    for (let i = 0; i < log.rows; i++) {
      appender.appendVarchar(log.customerIds[log.customer[i]]);
      appender.appendDate(new DuckDBDateValue(log.time[i]));
      appender.appendInteger(cds.values[i]);
      appender.appendDouble(log.amount![i]);
      appender.endRow();
    }
    appender.closeSync();
    return log.rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(here, 'cdnow.duckdb'));
  buildCdnowDatabase(out).then((rows) => console.log(`${out}: ${rows.toLocaleString('en-US')} orders`));
}
