// A split of a warehouse source: the engine builds the per-customer summary as a temporary
// table (summary.ts: the file engine's conventions in SQL), and only one row per customer
// comes back, streamed into the same typed arrays the file engine's summary fills, so models,
// values, segments, charts and exports run unchanged. The repeat purchases the tracking chart
// counts come back as one row per day.
import {
  customerSummaryQuery,
  includedCustomers,
  repeatDaysQuery,
  SUMMARY_COLUMNS,
  type SplitQuery,
} from '../../data/engines/sql/summary';
import type { CustomerSummary } from '../models-port';
import { repeatSpendOnly } from '../models-adapter';
import type { EvalContext } from '../evaluate/context';
import type { WarehouseSource } from './source';
import { engineError } from './source';

export async function warehouseSummary(
  ctx: EvalContext,
  source: WarehouseSource,
  splitName: string,
  split: SplitQuery,
): Promise<CustomerSummary> {
  const { connection, query } = source;
  const d = connection.dialect;
  const options = { signal: ctx.signal };
  const table = `clv_summary_${splitName}`;
  const fail = (err: unknown) => engineError(err, ctx, null);
  ctx.progress(0, 'summarising customers in the engine');
  await connection.execute(d.createTemporary(table, customerSummaryQuery(d, query, split)), options).catch(fail);
  const included = includedCustomers(d, split);
  const counts = await connection
    .query(
      `SELECT ${d.double(`count(CASE WHEN ${included} THEN 1 END)`)}, ${d.double('count(*)')} FROM ${d.identifier(table)}`,
      options,
    )
    .catch(fail);
  const customers = counts.rows[0][0] as number;
  const excluded = (counts.rows[0][1] as number) - customers;
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
  return {
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
    warnings: [],
  };
}
