// The body of the push-down fit's equivalence tests, shared by every engine (DuckDB embedded,
// PostgreSQL and the ClickHouse cluster on real servers): on the CDNOW sample, BG/NBD fitted on
// the engine's pattern histogram and Gamma-Gamma on the engine's per-x sums
// (kernel/warehouse/fit.ts) give the in-memory fit of the file engine's summary of the same rows
// (parameters and log-likelihood to 1e-8 relative), the per-pattern scores joined to customers
// in the engine equal the in-memory per-customer scores, and what crossed the connection was
// per pattern or per x, never per customer.
import assert from 'node:assert/strict';
import type { QueryOptions, SqlConnection, SqlRows } from '../../server/src/data/engines/sql/connection';
import { customerSummaryQuery } from '../../server/src/data/engines/sql/summary';
import type { EvalContext } from '../../server/src/kernel/evaluate/context';
import { modelsLibrary } from '../../server/src/kernel/models-adapter';
import type { FitOptions, FittedModel } from '../../server/src/kernel/models-port';
import { engineFitData, scoreInEngine, type EngineSplit } from '../../server/src/kernel/warehouse/fit';
import { summariseTransactions } from '../../server/src/models';
import { cdnowFromFile, split, transactionQuery, type TransactionTable } from './summary-equivalence';

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

/** The file engine's CDNOW summary as the kernel holds it (monetary NaN without a repeat purchase). */
async function cdnowInMemory() {
  const loaded = await cdnowFromFile();
  if (loaded.kind !== 'transactions') throw new Error('CDNOW is a transaction log');
  const s = summariseTransactions(loaded.log, { ...split, unit: split.unitDays });
  return {
    ...s,
    monetary: s.monetary!.map((m, i) => (s.frequency[i] > 0 ? m : NaN)),
    repeatPurchaseDays: new Float64Array(),
  };
}

export async function checkPushdownFit(inner: SqlConnection, table: TransactionTable): Promise<void> {
  const d = inner.dialect;
  const q = await transactionQuery(inner, table);
  await inner.execute(d.createTemporary('fit_summary', customerSummaryQuery(d, q, split)));
  const counted = new Counted(inner);
  const engine: EngineSplit = { connection: counted.connection(), table: 'fit_summary', split };
  const summary = await cdnowInMemory();
  const inMemory = (kind: string) => modelsLibrary.fitModel(kind, { kind: 'summary', summary }, fitOptions());

  // BG/NBD on the pattern histogram; scores per pattern, joined to customers in the engine.
  const purchaseData = await engineFitData(context(), engine, 'purchase');
  const patterns = counted.rows;
  assert.ok(patterns > 0 && patterns < summary.customerIds.length / 2, `${patterns} patterns`);
  const fitted = await modelsLibrary.fitModel('bgnbd', purchaseData, fitOptions());
  const memory = await inMemory('bgnbd');
  assertSameFit(fitted, memory);
  const scoredTable = await scoreInEngine(context(), engine, 'purchases', fitted, 39);
  assert.equal(counted.rows, 2 * patterns, 'the histogram again, for scoring: nothing per customer');
  const scored = await inner.query(
    `SELECT ${['customer', 'p_alive', 'expected_purchases'].map((c) => d.identifier(c)).join(', ')} ` +
      `FROM ${d.identifier(scoredTable)}`,
  );
  const alive = memory.pAlive(summary);
  const expected = memory.conditionalExpectedPurchases(39, summary);
  const at = new Map(summary.customerIds.map((id, i) => [id, i]));
  assert.equal(scored.rows.length, summary.customerIds.length, 'every customer scored once');
  for (const [customer, p, e] of scored.rows as [string, number, number][]) {
    const i = at.get(String(customer))!;
    assert.ok(Math.abs(Number(p) - alive[i]) <= 1e-8, `${customer}: P(alive) ${p} vs ${alive[i]}`);
    assert.ok(
      Math.abs(Number(e) - expected[i]) <= 1e-8 * Math.max(1, expected[i]),
      `${customer}: ${e} vs ${expected[i]}`,
    );
  }

  // Gamma-Gamma on the engine's per-x sums.
  counted.rows = 0;
  const spendData = await engineFitData(context(), engine, 'spend');
  assert.equal(spendData.kind, 'spend-sums');
  const distinctX = counted.rows;
  assertSameFit(await modelsLibrary.fitModel('gamma_gamma', spendData, fitOptions()), await inMemory('gamma_gamma'));
  const repeaters = summary.frequency.filter((x) => x > 0).length;
  assert.equal(counted.rows % distinctX, 0, 'every query answered per distinct x');
  assert.ok(distinctX < repeaters / 10, `${distinctX} distinct x, ${repeaters} repeat customers`);
  assert.equal(counted.streamed, 0, 'nothing streamed');
}
