// The shared database servers of the engine tests: started at most once per test run, on
// first use (a test file that needs PostgreSQL calls `postgresWithData(this)` in its `before`
// hook), loaded with the datasets, and stopped by a root `after` hook when the run ends.
// Without the server binaries the calling test skips with one line, or fails under
// CLV_REQUIRE_ALL=1 (test/support/prerequisites.ts).
import type { Context } from 'mocha';
import { requirePrerequisite } from '../../support/prerequisites';
import { clickhouseMissing, startClickHouseCluster, type ClickHouseCluster } from './clickhouse-cluster';
import { datasets, HOSTILE_TABLE } from './datasets';
import { postgresMissing, startPostgres, type PostgresServer } from './postgres-server';

export type { ClickHouseCluster, PostgresServer };
export { datasets, HOSTILE_CUSTOMER, HOSTILE_TABLE } from './datasets';

let postgres: Promise<PostgresServer> | undefined;
let clickhouse: Promise<ClickHouseCluster> | undefined;

/** PostgreSQL with the datasets loaded; skips (or fails under CLV_REQUIRE_ALL=1) without its binaries. */
export function postgresWithData(ctx: Context): Promise<PostgresServer> {
  requirePrerequisite(ctx, postgresMissing());
  ctx.timeout(120_000);
  return (postgres ??= startPostgres().then(loadPostgres));
}

/** The two-shard ClickHouse cluster with the datasets loaded. */
export function clickhouseWithData(ctx: Context): Promise<ClickHouseCluster> {
  requirePrerequisite(ctx, clickhouseMissing());
  ctx.timeout(120_000);
  return (clickhouse ??= startClickHouseCluster().then(loadClickHouse));
}

export async function stopServers(): Promise<void> {
  const running = [postgres, clickhouse];
  postgres = clickhouse = undefined;
  await Promise.all(running.filter((s) => s !== undefined).map((s) => s.then((x) => x.stop()).catch(() => undefined)));
}

// Mocha's root suite: runs once after every test file, whichever started the servers.
if (typeof after === 'function') after(stopServers);

/** PostgreSQL's name for the hostile table, quoted by hand (the set-up must not use the code under test). */
const pgHostile = `"${HOSTILE_TABLE.replaceAll('"', '""')}"`;
const chHostile = (suffix = '') => `\`${(HOSTILE_TABLE + suffix).replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;

async function loadPostgres(pg: PostgresServer): Promise<PostgresServer> {
  try {
    const d = datasets();
    await pg.psql(`
      CREATE TABLE cdnow (master_id text, sample_id text, date date, cds integer, sales numeric(12,2));
      CREATE TABLE transactions (customer_id text, date date, amount numeric(12,2));
      CREATE TABLE junk_log (customer text, date text, amount text, channel text);
      CREATE TABLE ${pgHostile} (customer_id text, date date, amount numeric(12,2));`);
    await Promise.all([
      pg.copyCsv('cdnow', d.cdnow),
      pg.copyCsv('transactions', d.generated.file),
      pg.copyCsv('junk_log', d.junk),
      pg.copyCsv(pgHostile, d.hostile),
    ]);
    await pg.psql(`
      CREATE TABLE cdnow_text_dates AS SELECT master_id, date::text AS date, sales FROM cdnow;`);
    return pg;
  } catch (e) {
    await pg.stop();
    throw e;
  }
}

async function loadClickHouse(ch: ClickHouseCluster): Promise<ClickHouseCluster> {
  try {
    const d = datasets();
    const { createReadStream } = await import('node:fs');
    await ch.createDistributed(
      'cdnow',
      'master_id String, sample_id String, date Date, cds Int32, sales Float64',
      'master_id, date',
      'master_id',
    );
    await ch.createDistributed(
      'transactions',
      'customer_id String, date Date, amount Float64',
      'customer_id, date',
      'customer_id',
    );
    await ch.createDistributed(
      'junk_log',
      'customer String, date String, amount String, channel String',
      'customer',
      'customer',
    );
    await ch.createDistributed(
      'cdnow_text_dates',
      'master_id String, date String, sales Float64',
      'master_id',
      'master_id',
    );
    for (let node = 0; node < ch.nodes.length; node++)
      await ch.exec(
        `CREATE TABLE ${chHostile('_local')} (customer_id String, date Date, amount Float64) ENGINE = MergeTree() ORDER BY customer_id`,
        node,
      );
    await ch.exec(
      `CREATE TABLE ${chHostile()} AS ${chHostile('_local')} ENGINE = Distributed(two_shards, default, ${chHostile('_local')}, cityHash64(customer_id))`,
    );
    const load = (table: string, file: string) =>
      ch.exec(`INSERT INTO ${table} FORMAT CSVWithNames`, 0, createReadStream(file));
    await load('cdnow', d.cdnow);
    await load('transactions', d.generated.file);
    await load('junk_log', d.junk);
    await load(chHostile(), d.hostile);
    await ch.exec(`INSERT INTO cdnow_text_dates SELECT master_id, toString(date), sales FROM cdnow`);
    return ch;
  } catch (e) {
    await ch.stop();
    throw e;
  }
}
