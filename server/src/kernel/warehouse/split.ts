// A split of a warehouse source: the engine builds the per-customer summary as a temporary
// table (summary.ts: the file engine's conventions in SQL), which models fit on and score
// into (fit.ts), and one row per customer comes back, streamed into the same typed arrays the
// file engine's summary fills, so values, segments, charts and exports run unchanged. The
// repeat purchases the tracking chart counts come back as one row per day. Every customer is
// accounted for as the file summary does (the same warning codes and words), from counts made
// in SQL.
import {
  customerOutcomeQuery,
  customerSummaryQuery,
  includedCustomers,
  type CustomerOutcome,
  repeatDaysQuery,
  SUMMARY_COLUMNS,
  type SplitQuery,
} from '../../data/engines/sql/summary';
import { summaryWarnings, type CustomerSummary } from '../models-port';
import { repeatSpendOnly } from '../models-adapter';
import type { EvalContext } from '../evaluate/context';
import type { WarehouseSource } from './source';
import { engineError } from './source';
import type { EngineSplit } from './fit';

export async function warehouseSummary(
  ctx: EvalContext,
  source: WarehouseSource,
  splitName: string,
  split: SplitQuery,
): Promise<{ summary: CustomerSummary; engine: EngineSplit }> {
  const { connection, query } = source;
  const d = connection.dialect;
  const options = { signal: ctx.signal };
  const table = `clv_summary_${splitName}`;
  const fail = (err: unknown) => engineError(err, ctx, null);
  ctx.progress(0, 'summarising customers in the engine');
  await connection.execute(d.createTemporary(table, customerSummaryQuery(d, query, split)), options).catch(fail);
  const included = includedCustomers(d, split);
  // What became of every customer, and the rows the file summary notes, counted alike.
  const outcomes = await connection.query(customerOutcomeQuery(d, query, split), options).catch(fail);
  const of = (outcome: CustomerOutcome) => outcomes.rows.find((r) => r[0] === outcome) ?? [outcome, 0, 0, 0, 0, 0];
  const sum = (k: number) => outcomes.rows.reduce((t, r) => t + (r[k] as number), 0);
  const customers = of('included')[1] as number;
  const excluded = of('first-purchase-after-calibration')[1] as number;
  const warnings = summaryWarnings(
    {
      badTime: 0,
      badCustomer: 0,
      missingAmount: 0,
      zero: sum(3),
      negative: sum(4),
      afterEnd: sum(2),
      duplicates: of('included')[5] as number,
    },
    excluded,
    {
      onlyAfterEnd: of('only-after-end')[1] as number,
      onlyReturns: of('only-returns')[1] as number,
      noAmount: 0,
      noDate: 0,
    },
    split.returns,
  );
  const money = query.amount !== null;
  const holdout = split.holdoutEnd !== null;
  const columns = SUMMARY_COLUMNS.slice(1, 10).map(() => new Float64Array(customers));
  const customerIds = new Array<string>(customers);
  let at = 0;
  await connection
    .stream(
      `SELECT ${SUMMARY_COLUMNS.slice(0, 10)
        .map((c) => d.identifier(c))
        .join(', ')} FROM ${d.identifier(table)} ` + `WHERE ${included} ORDER BY ${d.identifier('customer')}`,
      (batch) => {
        for (const row of batch.rows) {
          customerIds[at] = row[0] as string;
          for (let k = 0; k < columns.length; k++) columns[k][at] = (row[k + 1] as number | null) ?? NaN;
          at++;
        }
        ctx.progress(0.2 + (0.7 * at) / Math.max(1, customers), 'reading the customer summary');
      },
      options,
    )
    .catch(fail);
  const days = await connection.query(repeatDaysQuery(d, query, split, table), options).catch(fail);
  const repeats = days.rows.reduce((t, r) => t + (r[1] as number), 0);
  const repeatPurchaseDays = new Float64Array(repeats);
  let k = 0;
  for (const [day, count] of days.rows) repeatPurchaseDays.fill(day as number, k, (k += count as number));
  const [frequency, recency, T, monetary, totalSpend, firstPurchase, lastPurchase, holdoutPurchases, holdoutSpend] =
    columns;
  const summary: CustomerSummary = {
    customerIds,
    customerIndex: Int32Array.from({ length: customers }, (_, i) => i),
    frequency,
    recency,
    T,
    monetary: money ? repeatSpendOnly({ frequency, monetary }) : null,
    totalSpend: money ? totalSpend : null,
    firstPurchase,
    lastPurchase,
    holdoutPurchases: holdout ? holdoutPurchases : null,
    holdoutSpend: holdout && money ? holdoutSpend : null,
    repeatPurchaseDays,
    excludedCustomers: excluded,
    unitDays: split.unitDays,
    calibrationEnd: split.calibrationEnd,
    holdoutEnd: split.holdoutEnd,
    warnings,
  };
  return { summary, engine: { connection, table, split } };
}
