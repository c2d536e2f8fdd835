// Fitting and scoring a model on a split whose summary is a table in the engine, with only
// per-pattern or per-x rows crossing the connection (the SQL is in data/engines/sql/pushdown.ts):
//   - a purchase model fits on the (x, t_x, T) histogram, weighted by customers;
//   - Gamma-Gamma fits on per-x sums the engine makes at each γ the fit tries;
//   - a purchase model's scores are computed once per pattern and joined to the customers in
//     the engine, as a temporary table.
import type { SqlConnection } from '../../data/engines/sql/connection';
import { PATTERN_KEY, patternHistogramQuery, SUMMARY_COLUMNS, type SplitQuery } from '../../data/engines/sql/summary';
import { scoredCustomersQuery, spendStatisticsQuery, spendTermsQuery } from '../../data/engines/sql/pushdown';
import type { FitData, FittedModel, History } from '../models-port';
import type { EvalContext } from '../evaluate/context';
import { engineError } from './source';

/** A split's summary as a temporary table of the engine (summary.ts's SUMMARY_COLUMNS). */
export interface EngineSplit {
  connection: SqlConnection;
  table: string;
  split: SplitQuery;
}

/** The pattern histogram: each distinct (x, t_x, T) with its customers and its key in whole days. */
export interface EnginePatterns extends History {
  customers: Float64Array;
  recencyDays: Float64Array;
  ageDays: Float64Array;
}

const column = (rows: unknown[][], k: number) => Float64Array.from(rows, (r) => Number(r[k]));

export async function enginePatterns(ctx: EvalContext, engine: EngineSplit): Promise<EnginePatterns> {
  const { connection, table, split } = engine;
  const { rows } = await connection
    .query(patternHistogramQuery(connection.dialect, table, split), { signal: ctx.signal })
    .catch((err) => engineError(err, ctx, null));
  return {
    frequency: column(rows, 0),
    recency: column(rows, 1),
    T: column(rows, 2),
    customers: column(rows, 3),
    recencyDays: column(rows, 4),
    ageDays: column(rows, 5),
  };
}

/** What a model of `role` fits on, made by the engine. */
export async function engineFitData(
  ctx: EvalContext,
  engine: EngineSplit,
  role: 'purchase' | 'spend',
): Promise<FitData> {
  if (role === 'purchase') {
    const p = await enginePatterns(ctx, engine);
    return {
      kind: 'summary',
      frequency: p.frequency,
      recency: p.recency,
      age: p.T,
      monetary: null,
      weight: p.customers,
    };
  }
  const { connection, table, split } = engine;
  const d = connection.dialect;
  const options = { signal: ctx.signal };
  const fail = (err: unknown) => engineError(err, ctx, null);
  const { rows } = await connection.query(spendStatisticsQuery(d, table, split), options).catch(fail);
  return {
    kind: 'spend-sums',
    frequency: column(rows, 0),
    customers: column(rows, 1),
    lnMean: column(rows, 2),
    terms: async (gamma) => {
      const terms = await connection.query(spendTermsQuery(d, table, split, gamma), options).catch(fail);
      return { ln: column(terms.rows, 1), inverse: column(terms.rows, 2) };
    },
  };
}

/**
 * A purchase model's P(alive) and (with a horizon) expected purchases, computed per pattern
 * and joined to every included customer in the engine: the name of a temporary table with
 * `customer`, the summary's columns, `p_alive` and `expected_purchases`.
 */
export async function scoreInEngine(
  ctx: EvalContext,
  engine: EngineSplit,
  modelName: string,
  fitted: FittedModel,
  horizon: number | undefined,
): Promise<string> {
  const { connection, table, split } = engine;
  const d = connection.dialect;
  const patterns = await enginePatterns(ctx, engine);
  const scoring = (fraction: number) => ctx.checkpoint(fraction, 'scoring customer histories');
  const scores: [string, Float64Array][] = [['p_alive', fitted.pAlive(patterns, scoring)]];
  if (horizon !== undefined)
    scores.push(['expected_purchases', fitted.conditionalExpectedPurchases(horizon, patterns, scoring)]);
  const key = [patterns.frequency, patterns.recencyDays, patterns.ageDays];
  const scoresTable = `clv_scores_${modelName}`;
  const customersTable = `clv_customers_${modelName}`;
  const fail = (err: unknown) => engineError(err, ctx, null);
  await connection
    .upload(
      scoresTable,
      [...PATTERN_KEY, ...scores.map(([name]) => name)].map((name) => ({ name, type: 'number' as const })),
      Array.from(patterns.frequency, (_, k) => [...key, ...scores.map(([, v]) => v)].map((v) => v[k])),
    )
    .catch(fail);
  const joined = scoredCustomersQuery(
    d,
    table,
    scoresTable,
    split,
    SUMMARY_COLUMNS.slice(0, 10),
    scores.map(([name]) => name),
  );
  await connection.execute(d.createTemporary(customersTable, joined), { signal: ctx.signal }).catch(fail);
  return customersTable;
}
