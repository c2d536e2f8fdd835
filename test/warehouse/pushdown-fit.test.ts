// Fitting and scoring pushed down to the engine (kernel/warehouse/fit.ts) on the CDNOW sample in
// DuckDB, against the in-memory fit of the file engine's summary of the same rows: BG/NBD on the
// engine's pattern histogram and Gamma-Gamma on the engine's per-x sums give the same
// parameters and log-likelihood (1e-8 relative), the per-pattern scores joined to customers in
// the engine equal the in-memory per-customer scores, and what crossed the connection was per
// pattern or per x, never per customer.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryOptions, SqlConnection, SqlRows } from '../../server/src/data/engines/sql/connection';
import { DuckDbConnection } from '../../server/src/data/engines/sql/duckdb-connection';
import { customerSummaryQuery } from '../../server/src/data/engines/sql/summary';
import type { EvalContext } from '../../server/src/kernel/evaluate/context';
import { modelsLibrary } from '../../server/src/kernel/models-adapter';
import type { FitOptions, FittedModel } from '../../server/src/kernel/models-port';
import { engineFitData, scoreInEngine, type EngineSplit } from '../../server/src/kernel/warehouse/fit';
import { summariseTransactions } from '../../server/src/models';
import { buildCdnowDatabase } from '../../samples/warehouse/build-database';
import { cdnowFromFile, split, transactionQuery } from './summary-equivalence';

/** A real connection that counts the rows it hands to the kernel. */
class Counted {
  rows = 0;
  streamed = 0;
  constructor(readonly inner: SqlConnection) {}
  connection(): SqlConnection {
    const inner = this.inner;
    return {
      dialect: inner.dialect,
      query: async (sql: string, options?: QueryOptions): Promise<SqlRows> => {
        const result = await inner.query(sql, options);
        this.rows += result.rows.length;
        return result;
      },
      stream: (sql, onBatch, options) =>
        inner.stream(
          sql,
          (batch) => {
            this.streamed += batch.rows.length;
            return onBatch(batch);
          },
          options,
        ),
      execute: (sql, options) => inner.execute(sql, options),
      upload: (name, columns, rows) => inner.upload(name, columns, rows),
      columns: (relation, options) => inner.columns(relation, options),
      close: () => inner.close(),
    };
  }
}

const context = (): EvalContext =>
  ({
    signal: new AbortController().signal,
    progress: () => undefined,
    checkpoint: () => undefined,
    pulse: () => undefined,
    log: () => undefined,
  }) as unknown as EvalContext;

const fitOptions = (): FitOptions => ({ signal: new AbortController().signal, onProgress: () => undefined });

function assertSameFit(engine: FittedModel, memory: FittedModel): void {
  const close = (a: number, b: number, what: string, relative = 1e-8) =>
    assert.ok(Math.abs(a - b) <= relative * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
  memory.parameters.forEach((p, i) => {
    close(engine.parameters[i].estimate, p.estimate, p.name);
    // The Hessian is a central difference of gradients (step 1e-5): the engine's sums, added in
    // its own order, differ in the last bits, and the difference quotient scales that by 1e5.
    close(engine.parameters[i].standardError!, p.standardError!, `${p.name} standard error`, 1e-6);
  });
  close(engine.logLikelihood, memory.logLikelihood, 'log-likelihood');
  assert.equal(engine.customers, memory.customers);
  assert.equal(engine.converged, true);
}

describe('warehouse: fitting and scoring pushed down to DuckDB equal the in-memory fit', function () {
  this.timeout(120_000);
  let dir: string;
  let duckdb: DuckDbConnection;
  let counted: Counted;
  let engine: EngineSplit;
  let summary: ReturnType<typeof summariseTransactions> & { monetary: Float64Array };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clv-pushdown-'));
    const path = join(dir, 'cdnow.duckdb');
    await buildCdnowDatabase(path);
    duckdb = await DuckDbConnection.open({ path });
    const q = await transactionQuery(duckdb, {
      relation: { kind: 'table', name: 'orders' },
      customer: 'customer_id',
      date: { name: 'order_date', kind: 'date' },
      amount: 'sales',
    });
    await duckdb.execute(duckdb.dialect.createTemporary('summary', customerSummaryQuery(duckdb.dialect, q, split)));
    counted = new Counted(duckdb);
    engine = { connection: counted.connection(), table: 'summary', split };
    const loaded = await cdnowFromFile();
    if (loaded.kind !== 'transactions') throw new Error('CDNOW is a transaction log');
    const s = summariseTransactions(loaded.log, { ...split, unit: split.unitDays });
    // The kernel's monetary: NaN where a customer has no repeat purchase to average.
    summary = { ...s, monetary: s.monetary!.map((m, i) => (s.frequency[i] > 0 ? m : NaN)) };
  });
  after(async () => {
    await duckdb.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    counted.rows = 0;
    counted.streamed = 0;
  });

  const inMemory = (kind: string) =>
    modelsLibrary.fitModel(
      kind,
      { kind: 'summary', summary: { ...summary, repeatPurchaseDays: new Float64Array() } },
      fitOptions(),
    );

  it('BG/NBD on the pattern histogram: the same fit; scores joined per customer in the engine', async () => {
    const data = await engineFitData(context(), engine, 'purchase');
    const patterns = counted.rows;
    assert.ok(patterns > 0 && patterns < summary.customerIds.length / 2, `${patterns} patterns`);
    const fitted = await modelsLibrary.fitModel('bgnbd', data, fitOptions());
    const memory = await inMemory('bgnbd');
    assertSameFit(fitted, memory);

    const table = await scoreInEngine(context(), engine, 'purchases', fitted, 39);
    assert.equal(counted.rows, 2 * patterns, 'the histogram again, for scoring: nothing per customer');
    assert.equal(counted.streamed, 0);
    const scored = await duckdb.query(`SELECT customer, p_alive, expected_purchases FROM ${table} ORDER BY customer`);
    const alive = memory.pAlive(summary);
    const expected = memory.conditionalExpectedPurchases(39, summary);
    const at = new Map(summary.customerIds.map((id, i) => [id, i]));
    assert.equal(scored.rows.length, summary.customerIds.length, 'every customer scored');
    for (const [customer, p, e] of scored.rows as [string, number, number][]) {
      const i = at.get(customer)!;
      assert.ok(Math.abs(p - alive[i]) <= 1e-8, `${customer}: P(alive) ${p} vs ${alive[i]}`);
      assert.ok(Math.abs(e - expected[i]) <= 1e-8 * Math.max(1, expected[i]), `${customer}: ${e} vs ${expected[i]}`);
    }
  });

  it('Gamma-Gamma on per-x sums made by the engine: the same fit, and only per-x rows fetched', async () => {
    const data = await engineFitData(context(), engine, 'spend');
    assert.equal(data.kind, 'spend-sums');
    const distinctX = counted.rows;
    const fitted = await modelsLibrary.fitModel('gamma_gamma', data, fitOptions());
    assertSameFit(fitted, await inMemory('gamma_gamma'));
    const repeaters = summary.frequency.filter((x) => x > 0).length;
    assert.equal(counted.rows % distinctX, 0, 'every query answered per distinct x');
    assert.ok(distinctX < repeaters / 10, `${distinctX} distinct x, ${repeaters} repeat customers`);
    assert.equal(counted.streamed, 0);
  });
});
