// The per-customer metrics a condition, chart or table can use: what each means, its type
// and unit, and what it needs upstream (a model, a spend model, a value, a holdout...).
// The checker, hover, completion and the kernel all read this one list.

/** The types of values in the language. `probability` is a number in [0, 1] that also compares with a percent. */
export type ValueType = 'number' | 'money' | 'percent' | 'probability' | 'date' | 'duration' | 'string' | 'boolean';

/** What must be upstream of a metric for the kernel to compute it. */
export type MetricRequirement =
  | 'transactions' // the customer's purchase history (any transaction or summary source)
  | 'amount' // spend per transaction (an `amount` mapping, or `monetary` in a summary source)
  | 'purchase-model' // a fitted purchase model (bgnbd, pareto_nbd, mbgnbd, bgbb)
  | 'spend-model' // a fitted gamma_gamma model inside the value
  | 'value' // a lifetime_value definition
  | 'segments' // a segments definition
  | 'holdout' // a split with a holdout period
  | 'intervals' // a purchase model with the `intervals` option
  | 'horizon' // a forecast horizon: a value's, a purchase model's `horizon`, or the holdout's length
  | 'dates'; // a transaction source (summary sources have no dates)

export interface MetricInfo {
  name: string;
  /** How people name it in a chart title, axis or tooltip ("CLV", "P(alive)"). */
  label: string;
  type: ValueType;
  /** For durations: measured in the split's time unit. */
  unitNote?: string;
  description: string;
  requires: MetricRequirement[];
  /** Another name for the same metric (`T` for `age`). */
  aliasOf?: string;
}

/** `NAME_low` and `NAME_high`: the bounds of a bootstrap interval of a prediction. */
function bounds(name: string, type: ValueType, what: string, requires: MetricRequirement[]): MetricInfo[] {
  return (['low', 'high'] as const).map((side) => ({
    name: `${name}_${side}`,
    label: `${what.split(' (')[0]}, ${side === 'low' ? 'lower' : 'upper'} bound`,
    type,
    description: `${side === 'low' ? 'Lower' : 'Upper'} bound of the interval of ${what}, at the purchase model's \`intervals\` level.`,
    requires: [...requires, 'intervals'],
  }));
}

export const METRICS: readonly MetricInfo[] = [
  { name: 'customer', label: 'customer', type: 'string', description: 'The customer identifier.', requires: [] },
  {
    name: 'frequency',
    label: 'number of repeat purchases',
    type: 'number',
    description: 'Number of repeat purchases (purchases after the first) in the calibration period.',
    requires: ['transactions'],
  },
  {
    name: 'recency',
    label: 'recency',
    type: 'duration',
    unitNote: "in the split's time unit",
    description: "Time from the customer's first purchase to their last purchase in the calibration period.",
    requires: ['transactions'],
  },
  {
    name: 'age',
    label: 'customer age',
    type: 'duration',
    unitNote: "in the split's time unit",
    description: "Time from the customer's first purchase to the end of the calibration period (T).",
    requires: ['transactions'],
  },
  {
    name: 'T',
    label: 'customer age',
    type: 'duration',
    unitNote: "in the split's time unit",
    description: 'Same as `age`: time from the first purchase to the end of calibration.',
    requires: ['transactions'],
    aliasOf: 'age',
  },
  {
    name: 'monetary',
    label: 'mean repeat spend',
    type: 'money',
    description: 'Mean spend of the repeat purchases.',
    requires: ['amount'],
  },
  {
    name: 'total_spend',
    label: 'total spend',
    type: 'money',
    description: 'Total spend in the calibration period, first purchase included.',
    requires: ['amount', 'dates'],
  },
  {
    name: 'first_purchase',
    label: 'first purchase',
    type: 'date',
    description: 'Date of the first purchase.',
    requires: ['dates'],
  },
  {
    name: 'last_purchase',
    label: 'last purchase',
    type: 'date',
    description: 'Date of the last purchase in the calibration period.',
    requires: ['dates'],
  },
  {
    name: 'p_alive',
    label: 'P(alive)',
    type: 'probability',
    description: 'Probability that the customer is still active (has not churned) at the end of calibration.',
    requires: ['purchase-model'],
  },
  {
    name: 'expected_purchases',
    label: 'expected purchases',
    type: 'number',
    description:
      "Expected number of purchases over the value's horizon, or the purchase model's `horizon`, or else the holdout's length.",
    requires: ['purchase-model', 'horizon'],
  },
  {
    name: 'p_alive_at_horizon',
    label: 'P(alive) at the horizon',
    type: 'probability',
    description:
      "Probability that the customer is still active at the end of the horizon (the value's, the purchase model's `horizon`, or the holdout's), after the end of calibration.",
    requires: ['purchase-model', 'horizon'],
  },
  {
    name: 'p_no_purchase',
    label: 'P(no purchase in the horizon)',
    type: 'probability',
    description:
      "Probability that the customer makes no purchase over the horizon (the value's, the purchase model's `horizon`, or the holdout's), after the end of calibration.",
    requires: ['purchase-model', 'horizon'],
  },
  ...bounds('p_alive', 'probability', 'P(alive)', ['purchase-model']),
  ...bounds('expected_purchases', 'number', 'expected purchases', ['purchase-model', 'horizon']),
  {
    name: 'expected_spend',
    label: 'expected spend per purchase',
    type: 'money',
    description: 'Expected spend per future purchase (Gamma-Gamma conditional mean).',
    requires: ['spend-model'],
  },
  {
    name: 'clv',
    label: 'CLV',
    type: 'money',
    description: 'Discounted customer lifetime value over the horizon, after margin.',
    requires: ['value'],
  },
  ...bounds('clv', 'money', 'lifetime value (purchase-model uncertainty at the point estimate of spend)', ['value']),
  {
    name: 'segment',
    label: 'segment',
    type: 'string',
    description: 'The label of the segment rule the customer matched.',
    requires: ['segments'],
  },
  {
    name: 'holdout_purchases',
    label: 'holdout purchases',
    type: 'number',
    description: 'Actual purchases in the holdout period.',
    requires: ['holdout'],
  },
  {
    name: 'holdout_spend',
    label: 'holdout spend',
    type: 'money',
    description: 'Actual spend in the holdout period.',
    requires: ['holdout', 'amount'],
  },
];

const byName = new Map(METRICS.map((m) => [m.name, m]));

export function metricInfo(name: string): MetricInfo | undefined {
  return byName.get(name);
}
