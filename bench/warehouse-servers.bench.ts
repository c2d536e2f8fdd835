// PostgreSQL and the two-shard ClickHouse cluster on a generated 10M-row log (servers started
// here on loopback, as the tests do): the push-down part of a notebook without per-customer
// tables — rejects by reason, the per-customer summary kept in the engine, the (x, t_x, T)
// and (x, monetary) histograms — then the kernel's BG/NBD and Gamma-Gamma fits on the
// histograms. Prints medians of the engine's time and the kernel's, and how many rows crossed
// the connection against how many customers there are.
// `CLV_BENCH_ROWS=1000000 npm run bench -- warehouse-servers` for a smaller log;
// CLV_BENCH_ENGINES=clickhouse for one engine, CLV_BENCH_RUNS=1 for fewer runs.
import { performance } from 'node:perf_hooks';
import { createReadStream } from 'node:fs';
import { fitBgNbd, fitGammaGamma, toPatterns } from '../server/src/models';
import { spendData } from '../server/src/models/gammagamma/model';
import type { SqlConnection } from '../server/src/data/engines/sql/connection';
import { PostgresConnection } from '../server/src/data/engines/sql/postgres-connection';
import { ClickHouseConnection } from '../server/src/data/engines/sql/clickhouse-connection';
import {
  customerSummaryQuery,
  loadReportQuery,
  patternHistogramQuery,
  spendHistogramQuery,
  type SplitQuery,
  type TransactionQuery,
} from '../server/src/data/engines/sql/summary';
import { isoToDays } from '../server/src/kernel/units';
import { generatedCsv } from '../test/kernel/generated-csv';
import { postgresMissing, startPostgres } from '../test/engines/servers/postgres-server';
import { clickhouseMissing, startClickHouseCluster } from '../test/engines/servers/clickhouse-cluster';
import { median, report } from './measure';

const ROWS = Number(process.env.CLV_BENCH_ROWS ?? 10_000_000);
const RUNS = Number(process.env.CLV_BENCH_RUNS ?? 3);
/** `postgres`, `clickhouse` or both (default). */
const ENGINES = process.env.CLV_BENCH_ENGINES ?? 'postgres,clickhouse';

const missing = postgresMissing() ?? clickhouseMissing();
if (missing) {
  console.log(`skipped: ${missing}`);
  process.exit(0);
}

const log = generatedCsv(ROWS);
const split: SplitQuery = {
  calibrationEnd: isoToDays(log.calibrationEnd),
  holdoutEnd: isoToDays(log.holdoutEnd),
  unitDays: 7,
  returns: 'exclude',
};

interface Run {
  engineMs: number;
  kernelMs: number;
  rowsIn: number;
  customers: number;
  patterns: number;
}

/** One notebook's push-down and fits; the engine's time is every statement's round trip. */
async function notebook(c: SqlConnection): Promise<Run> {
  const d = c.dialect;
  const relation = { kind: 'table' as const, name: 'transactions' };
  let engineMs = 0;
  const timed = async <T>(work: () => Promise<T>) => {
    const start = performance.now();
    const result = await work();
    engineMs += performance.now() - start;
    return result;
  };
  const q: TransactionQuery = {
    relation,
    columns: await timed(() => c.columns(relation)),
    customer: 'customer_id',
    date: { name: 'date', kind: 'date' },
    amount: 'amount',
    whereColumns: [],
    where: null,
  };
  const rejects = await timed(() => c.query(loadReportQuery(d, q)));
  await timed(() => c.execute(d.createTemporary('summary', customerSummaryQuery(d, q, split))));
  const patterns = await timed(() => c.query(patternHistogramQuery(d, 'summary', split)));
  const spend = await timed(() => c.query(spendHistogramQuery(d, 'summary', split)));
  const rowsIn = rejects.rows.length + patterns.rows.length + spend.rows.length;
  const start = performance.now();
  const col = (rows: unknown[][], i: number) => Float64Array.from(rows, (r) => Number(r[i]));
  const p = patterns.rows;
  fitBgNbd(toPatterns(col(p, 0), col(p, 1), col(p, 2), col(p, 3)));
  fitGammaGamma(spendData(col(spend.rows, 0), col(spend.rows, 1), col(spend.rows, 2)));
  const kernelMs = performance.now() - start;
  const customers = p.reduce((t, r) => t + Number(r[3]), 0);
  return { engineMs, kernelMs, rowsIn, customers, patterns: p.length };
}

async function bench(name: string, open: () => Promise<SqlConnection>): Promise<void> {
  const c = await open();
  try {
    const runs: Run[] = [];
    await notebook(c); // warm-up: caches and the first plan
    for (let i = 0; i < RUNS; i++) runs.push(await notebook(c));
    const whole = runs.map((r) => r.engineMs + r.kernelMs);
    const t = (label: string, values: number[]) =>
      report({ name: `${name}: ${label}`, medianMs: median(values), p95Ms: Math.max(...values), runs: RUNS });
    t(`whole notebook, ${ROWS.toLocaleString('en')} rows`, whole);
    t(
      '  of which the engine',
      runs.map((r) => r.engineMs),
    );
    t(
      '  of which the kernel (fits on histograms)',
      runs.map((r) => r.kernelMs),
    );
    const r = runs[0];
    console.log(
      `${name}: ${r.rowsIn.toLocaleString('en')} rows crossed the connection for ${r.customers.toLocaleString('en')} customers ` +
        `(${r.patterns.toLocaleString('en')} distinct patterns); engine share ${((100 * median(runs.map((x) => x.engineMs))) / median(whole)).toFixed(0)}%`,
    );
  } finally {
    await c.close();
  }
}

if (ENGINES.includes('postgres')) {
  const pg = await startPostgres();
  try {
    const start = performance.now();
    await pg.psql('CREATE TABLE transactions (customer_id text, date date, amount numeric(12,2))');
    await pg.copyCsv('transactions', log.file);
    await pg.psql('ANALYZE transactions');
    console.log(
      `PostgreSQL: ${ROWS.toLocaleString('en')} rows loaded with COPY in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    await bench('PostgreSQL', () => PostgresConnection.open(pg.url));
  } finally {
    await pg.stop();
  }
}

if (ENGINES.includes('clickhouse')) {
  const ch = await startClickHouseCluster();
  try {
    const start = performance.now();
    await ch.createDistributed(
      'transactions',
      'customer_id String, date Date, amount Float64',
      'customer_id, date',
      'customer_id',
    );
    await ch.exec('INSERT INTO transactions FORMAT CSVWithNames', 0, createReadStream(log.file));
    console.log(
      `ClickHouse: ${ROWS.toLocaleString('en')} rows loaded over two shards in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    await bench('ClickHouse (2 shards)', () =>
      ClickHouseConnection.open(
        `http://${ch.user}:${encodeURIComponent(ch.password)}@127.0.0.1:${ch.nodes[0].httpPort}`,
      ),
    );
  } finally {
    await ch.stop();
  }
}
