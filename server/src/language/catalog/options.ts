// The options each kind of block accepts, with the shape of value each takes, its allowed
// range and a description. The checker validates blocks against this table; completion and
// hover show it.
import { FIT_DEFAULTS } from '../../models/optimize/defaults';
import type { TimeUnit } from '../ast';
import type { ModelRole } from './models';

/** What an option's value must look like. */
export type OptionShape =
  | 'boolean' // true / false
  | 'integer' // a whole number
  | 'number' // any number
  | 'percent' // 30%
  | 'duration' // 12 months
  | 'percent-rate' // 10% per year
  | 'amount-rate' // 100 per year
  | 'delimiter' // whitespace, comma, tab, semicolon, pipe, or a one-character string
  | 'column-list' // data columns: a, b, c
  | 'metric-list' // metrics: customer, clv, p_alive
  | 'sort' // a metric, then asc or desc
  | 'word' // one of the option's `words`
  | 'date' // 2020-01-31
  | 'path'; // "fits/q3.fit.json", relative to the notebook

export type BlockContext = 'source' | 'model' | 'value' | 'table' | 'export';

export interface OptionInfo {
  name: string;
  shape: OptionShape;
  description: string;
  /** Inclusive bounds on the number (a percent's bounds are in percent). */
  min?: number;
  max?: number;
  /** True when `min` itself is not allowed (a horizon of 0 months means nothing). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  default?: string;
  /** The words a `word` option takes. */
  words?: readonly string[];
  /** Model options that apply to some roles of model only (`fit_periods` to sbg). */
  modelRoles?: readonly ModelRole[];
  /** Model options that act on fitting, so a `frozen` model (which is not fitted) refuses them. */
  fitting?: boolean;
}

export const DELIMITER_WORDS: Record<string, string> = {
  whitespace: ' ',
  comma: ',',
  tab: '\t',
  semicolon: ';',
  pipe: '|',
};

/** What a source does with negative amounts; docs/data.md and data/policy.ts say what each means. */
export const RETURNS_POLICIES = ['exclude', 'net', 'keep'] as const;
export type ReturnsPolicy = (typeof RETURNS_POLICIES)[number];
export const DEFAULT_RETURNS_POLICY: ReturnsPolicy = 'exclude';

/** Transaction dates outside this range are rejected as placeholders unless a source widens it. */
export const PLAUSIBLE_DATES = { earliest: '1950-01-01', latest: '2099-12-31' } as const;

/** What a value counts when its block leaves an option out (the kernel reads these). */
export const VALUE_DEFAULTS = {
  horizon: { amount: 12, unit: 'months' as TimeUnit },
  /** A rate per year, as a fraction. */
  discount: { amount: 0, per: 'years' as TimeUnit },
  /** A fraction of spend. */
  margin: 1,
} as const;

export const BLOCK_OPTIONS: Record<BlockContext, readonly OptionInfo[]> = {
  source: [
    {
      name: 'delimiter',
      shape: 'delimiter',
      description: 'Field separator: whitespace, comma, tab, semicolon, pipe, or a one-character string.',
      default: 'comma for csv, tab for tsv, whitespace for text',
    },
    { name: 'header', shape: 'boolean', description: 'Whether the first line names the columns.', default: 'true' },
    {
      name: 'columns',
      shape: 'column-list',
      description: "Column names, in order, for files without a header line (or to rename the header's).",
    },
    {
      name: 'returns',
      shape: 'word',
      words: RETURNS_POLICIES,
      description:
        "Rows with a negative amount (returns, refunds): `exclude` drops them, `net` takes them off the customer's spend without counting a purchase, `keep` counts them as purchases.",
      default: DEFAULT_RETURNS_POLICY,
    },
    {
      name: 'earliest_date',
      shape: 'date',
      description: 'Transactions dated before this day are rejected (placeholder dates such as 0001-01-01).',
      default: PLAUSIBLE_DATES.earliest,
    },
    {
      name: 'latest_date',
      shape: 'date',
      description: 'Transactions dated after this day are rejected (placeholder dates such as 9999-12-31).',
      default: PLAUSIBLE_DATES.latest,
    },
  ],
  model: [
    {
      name: 'penalty',
      shape: 'number',
      min: 0,
      description: 'L2 penalty on the log-parameters, to keep a fit on small data away from extreme values.',
      default: String(FIT_DEFAULTS.penalty),
      fitting: true,
    },
    {
      name: 'max_iterations',
      shape: 'integer',
      min: 1,
      max: 100000,
      description: 'Most optimizer iterations before the fit gives up.',
      default: String(FIT_DEFAULTS.maxIterations),
      fitting: true,
    },
    {
      name: 'tolerance',
      shape: 'number',
      min: 0,
      minExclusive: true,
      max: 1,
      description: 'Gradient-norm tolerance at which the optimizer stops.',
      default: String(FIT_DEFAULTS.tolerance),
      fitting: true,
    },
    {
      name: 'fit_periods',
      shape: 'integer',
      min: 1,
      description:
        'sbg only: fit on the first N periods after acquisition and show the later ones against the projection.',
      default: 'all periods',
      modelRoles: ['retention'],
    },
    {
      name: 'horizon',
      shape: 'duration',
      min: 0,
      minExclusive: true,
      description:
        "Purchase models: how far ahead the model's `expected_purchases` counts, for purchase forecasts without a spend model.",
      default: "the holdout's length",
      modelRoles: ['purchase'],
    },
    {
      name: 'intervals',
      shape: 'percent',
      min: 0,
      minExclusive: true,
      max: 100,
      maxExclusive: true,
      description:
        'Purchase models: intervals at this level by parametric bootstrap (parameters drawn from the fit on the log scale): `p_alive_low`/`_high`, `expected_purchases_low`/`_high`, and in a value `clv_low`/`_high` and segment totals.',
      default: 'no prediction intervals (parameter intervals at 90%)',
      modelRoles: ['purchase'],
    },
    {
      name: 'draws',
      shape: 'integer',
      min: 100,
      max: 100000,
      description: 'Purchase models with `intervals`: how many parameter draws the bootstrap takes.',
      default: '1000',
      modelRoles: ['purchase'],
    },
    {
      name: 'seed',
      shape: 'integer',
      min: 0,
      max: 4294967295,
      description: 'Purchase models with `intervals`: seed of the draws, so intervals are the same on every run.',
      default: '1',
      modelRoles: ['purchase'],
    },
    {
      name: 'save_fit',
      shape: 'path',
      description:
        "Writes the fitted parameters, their covariance and what they were fitted on (time unit, returns policy, calibration dates, a fingerprint of the data) to this JSON file, for another model's `frozen`.",
      default: 'not saved',
      modelRoles: ['purchase', 'spend'],
      fitting: true,
    },
    {
      name: 'frozen',
      shape: 'path',
      description:
        "Scores the model's data with the parameters a `save_fit` wrote to this file, without fitting; the file's model kind, time unit and returns policy must be the model's.",
      default: 'fitted on its data',
      modelRoles: ['purchase', 'spend'],
    },
  ],
  value: [
    {
      name: 'horizon',
      shape: 'duration',
      min: 0,
      minExclusive: true,
      description: 'How far ahead lifetime value is counted.',
      default: `${VALUE_DEFAULTS.horizon.amount} ${VALUE_DEFAULTS.horizon.unit}`,
    },
    {
      name: 'discount',
      shape: 'percent-rate',
      min: 0,
      max: 100,
      maxExclusive: true,
      description: 'Discount rate per period applied to future cash flows.',
      default: `${VALUE_DEFAULTS.discount.amount * 100}% per ${VALUE_DEFAULTS.discount.per.slice(0, -1)}`,
    },
    {
      name: 'margin',
      shape: 'percent',
      min: 0,
      minExclusive: true,
      max: 100,
      description: 'Share of spend that is profit.',
      default: `${VALUE_DEFAULTS.margin * 100}%`,
    },
    {
      name: 'payment',
      shape: 'amount-rate',
      min: 0,
      description: 'Payment per period of a subscriber (contractual values on an sbg model).',
    },
  ],
  table: [
    {
      name: 'columns',
      shape: 'metric-list',
      description: 'Metrics shown, in order.',
      default: 'customer and the metrics of the target',
    },
    { name: 'sort', shape: 'sort', description: 'Metric to sort by, then asc or desc.', default: 'no sorting' },
    { name: 'limit', shape: 'integer', min: 1, description: 'Most rows shown.', default: 'all rows' },
  ],
  export: [
    {
      name: 'spreadsheet_safe',
      shape: 'boolean',
      description:
        "In .csv and .tsv files, text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading '. Set false when a program, not a person, reads the file.",
      default: 'true',
    },
  ],
};

/** Whether `where` filters are allowed in the block. */
export const BLOCK_ALLOWS_WHERE: Record<BlockContext, boolean> = {
  source: true,
  model: false,
  value: false,
  table: true,
  export: false,
};

/** Whether an option applies to a model of `role`: model options without `modelRoles` apply to every model. */
export function optionAppliesTo(option: OptionInfo, role: ModelRole): boolean {
  return !option.modelRoles || option.modelRoles.includes(role);
}

const byContext = new Map(
  Object.entries(BLOCK_OPTIONS).map(([context, options]) => [context, new Map(options.map((o) => [o.name, o]))]),
);

export function optionInfo(context: BlockContext, name: string): OptionInfo | undefined {
  return byContext.get(context)!.get(name);
}
