// What a `value` cell shows: the total and distribution of lifetime value (quantiles), how
// concentrated it is (Gini, "the top 20% of customers hold N%"). The concentration curve is
// drawn once, by `chart lorenz of VALUE`, not here as well.
import { MIME, type OutputItem, type TablePayload } from '../output-types';
import { giniFromLorenz, lorenzCurve, quantile, sortedFinite, sum, topShare } from '../stats';

const QUANTILES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1];

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface ValueSummary {
  total: number;
  mean: number;
  customers: number;
  topShare20: number;
  gini: number;
}

export function valueOutputs(
  name: string,
  metric: string,
  values: Float64Array,
  /** Bootstrap interval of the total, when the purchase model has `intervals`. */
  interval?: { low: number; high: number; level: number },
): { outputs: OutputItem[]; summary: ValueSummary } {
  const sorted = sortedFinite(values);
  const total = sum(sorted);
  const curve = lorenzCurve(sorted);
  const summary: ValueSummary = {
    total,
    mean: sorted.length ? total / sorted.length : NaN,
    customers: sorted.length,
    topShare20: topShare(sorted, 0.2),
    gini: giniFromLorenz(curve),
  };
  const statement = `The top 20% of customers hold ${(summary.topShare20 * 100).toFixed(1)}% of predicted value.`;
  const text = [
    `${name}: total ${metric} ${money(total)}${interval ? ` (${Math.round(interval.level * 100)}% interval ${money(interval.low)} to ${money(interval.high)}, purchase-model uncertainty)` : ''} over ${sorted.length.toLocaleString('en-US')} customers (mean ${money(summary.mean)}).`,
    `${statement} Gini ${summary.gini.toFixed(3)}.`,
  ].join('\n');

  const distribution: TablePayload = {
    title: `Distribution of ${metric}`,
    columns: [
      { name: 'quantile', format: 'percent' },
      { name: metric, format: 'money' },
    ],
    rows: QUANTILES.map((p) => [p, quantile(sorted, p)]),
    totalRows: QUANTILES.length,
    offset: 0,
  };
  const quantileText = QUANTILES.map(
    (p) => `  ${`${Math.round(p * 100)}%`.padStart(4)}  ${money(quantile(sorted, p))}`,
  ).join('\n');
  return {
    summary,
    outputs: [
      {
        data: {
          'text/plain': text,
          [MIME.markdown]: `**${name}**: total ${metric} **${money(total)}** over ${sorted.length.toLocaleString('en-US')} customers. ${statement} Gini ${summary.gini.toFixed(3)}.`,
        },
      },
      { data: { 'text/plain': `Quantiles of ${metric}:\n${quantileText}`, [MIME.table]: distribution } },
    ],
  };
}

/**
 * What a value on a retention model shows: one expected value of a new subscriber per cohort.
 * A cohort is not a customer base, so no distribution, quantiles or Lorenz curve: with two
 * cohorts those would only mislead.
 */
export function cohortValueOutputs(
  name: string,
  cohorts: string[],
  values: Float64Array,
  horizon: string,
): OutputItem[] {
  const page: TablePayload = {
    title: `${name}: value of a new subscriber over ${horizon}`,
    columns: [
      { name: 'cohort', format: 'string' },
      { name: 'value per subscriber', format: 'money' },
    ],
    rows: cohorts.map((cohort, i) => [cohort, values[i]]),
    totalRows: cohorts.length,
    offset: 0,
  };
  const text = [
    page.title,
    ...cohorts.map((cohort, i) => `  ${cohort.padEnd(Math.max(...cohorts.map((c) => c.length)))}  ${money(values[i])}`),
  ].join('\n');
  return [{ data: { 'text/plain': text, [MIME.table]: page } }];
}
