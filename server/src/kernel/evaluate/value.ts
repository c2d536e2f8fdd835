// `value clv = lifetime_value(purchases, spend) { horizon, discount, margin }`: per customer,
// discounted expected purchases over the horizon × expected spend per purchase × margin;
// or, on a retention model with a `payment`, the discounted expected revenue of a new
// subscriber per cohort. Produces the per-customer table segments, charts and exports read.
import { VALUE_DEFAULTS, type TimeUnit, type ValueStatement } from '../../language';
import type { TotalGroups } from '../models-port';
import { EvaluationError, type EvalContext, type StatementOutcome } from './context';
import { customerTable, withColumns } from './customers';
import type { ModelData } from './model';
import { durationOption, fractionOption, rateOption } from './options';
import { splitCustomers } from './split';
import { cohortValueOutputs, valueOutputs } from './value-outputs';
import { convertDuration, UNIT_DAYS } from '../../models';

interface ValueTerms {
  /** Horizon in the model's time unit. */
  horizon: number;
  /** Discount rate per time unit of the model (continuous compounding of the stated rate). */
  discountPerUnit: number;
  margin: number;
}

function terms(statement: ValueStatement, unit: TimeUnit): ValueTerms {
  const horizon =
    durationOption(statement.block, 'horizon', unit) ??
    convertDuration(VALUE_DEFAULTS.horizon.amount, VALUE_DEFAULTS.horizon.unit, unit);
  const discount = rateOption(statement.block, 'discount') ?? VALUE_DEFAULTS.discount;
  // (1 + d)^(1 per-period) expressed per model unit: rate r per `per` → (1+r)^(unit/per) − 1.
  const discountPerUnit = Math.pow(1 + discount.amount, UNIT_DAYS[unit] / UNIT_DAYS[discount.per]) - 1;
  return { horizon, discountPerUnit, margin: fractionOption(statement.block, 'margin') ?? VALUE_DEFAULTS.margin };
}

function modelArgument(ctx: EvalContext, index: number): ModelData {
  const arg = (ctx.statement as ValueStatement).call!.args[index];
  const input = ctx.input(arg.name);
  if (input.kind !== 'model') throw new EvaluationError(`"${arg.name}" is not a model.`, arg);
  return input.model as ModelData;
}

export function evaluateValue(ctx: EvalContext): StatementOutcome {
  const statement = ctx.statement as ValueStatement;
  if (!statement.name || !statement.call || statement.call.args.length === 0)
    throw new EvaluationError('Incomplete value statement.');
  const name = statement.name.name;
  const first = modelArgument(ctx, 0);

  if (first.fitted.role === 'retention') {
    const payment = rateOption(statement.block, 'payment');
    if (!payment)
      throw new EvaluationError(
        'A value on a retention model needs `payment` (e.g. `payment 100 per year`).',
        statement,
      );
    // Cohort periods are the payment's period: one payment per period survived.
    const t = terms(statement, payment.per);
    const cohorts = first.fitted.cohortValues({
      payment: payment.amount * t.margin,
      horizon: t.horizon,
      discount: t.discountPerUnit,
    });
    const customers = customerTable({ customer: cohorts.names, clv: cohorts.values }, payment.per, 'clv');
    const outputs = cohortValueOutputs(name, cohorts.names, cohorts.values, `${t.horizon} ${payment.per}`);
    return { value: { kind: 'value', customers }, outputs };
  }

  if (!first.split)
    throw new EvaluationError(
      'Lifetime value needs a model fitted on a split of transactions.',
      statement.call.args[0],
    );
  const spendArg = statement.call.args[1];
  if (!spendArg)
    throw new EvaluationError(
      'Lifetime value of a purchase model needs a spend model as its second argument.',
      statement.call,
    );
  const spend = modelArgument(ctx, 1);
  const split = first.split;
  const t = terms(statement, split.unit);
  const summary = split.summary;
  const scoring = (fraction: number) => ctx.checkpoint(fraction, 'scoring customers');
  const pAlive = first.fitted.pAlive(summary, scoring);
  const expectedPurchases = first.fitted.conditionalExpectedPurchases(t.horizon, summary, scoring);
  // Month by month (or per unit, when the unit is longer than a month).
  const period = Math.max(1, UNIT_DAYS.months / UNIT_DAYS[split.unit]);
  // Undiscounted, the period sums telescope to the expected purchases over the horizon.
  const discounted =
    t.discountPerUnit === 0
      ? expectedPurchases
      : first.fitted.discountedExpectedPurchases(
          t.horizon,
          t.discountPerUnit,
          summary,
          Math.min(period, t.horizon),
          (f) => ctx.checkpoint(f, 'discounting expected purchases'),
        );
  const expectedSpend = spend.fitted.expectedSpend(summary);
  const clv = new Float64Array(discounted.length);
  for (let i = 0; i < clv.length; i++) clv[i] = t.margin * expectedSpend[i] * discounted[i];
  const columns: Record<string, Float64Array> = {
    p_alive: pAlive,
    expected_purchases: expectedPurchases,
    p_alive_at_horizon: first.fitted.pAliveAfter(t.horizon, summary, scoring),
    p_no_purchase: first.fitted.pNoPurchase(t.horizon, summary, scoring),
    expected_spend: expectedSpend,
    clv,
  };
  const options = first.intervals;
  const prediction = {
    kind: 'discounted',
    horizon: t.horizon,
    ratePerUnit: t.discountPerUnit,
    period: Math.min(period, t.horizon),
  } as const;
  // Per customer: the bootstrap bounds of discounted purchases times the point estimate of spend.
  const weight = new Float64Array(expectedSpend.length);
  for (let i = 0; i < weight.length; i++) weight[i] = t.margin * expectedSpend[i];
  const valueIntervals = options && {
    level: options.level,
    of: (groups: TotalGroups) =>
      first.fitted.predictionIntervals(prediction, summary, options, {
        ...groups,
        weight,
      }).totals,
  };
  let total: { low: number; high: number } | undefined;
  if (options) {
    const bounds = first.fitted.predictionIntervals(
      prediction,
      summary,
      options,
      { of: new Int32Array(clv.length), count: 1, weight },
      (f) => ctx.checkpoint(f, 'bootstrapping lifetime value'),
    );
    columns.clv_low = bounds.low.map((d, i) => weight[i] * d);
    columns.clv_high = bounds.high.map((d, i) => weight[i] * d);
    total = bounds.totals[0];
  }
  const customers = { ...withColumns(splitCustomers(split), columns, 'clv'), valueIntervals };
  const { outputs } = valueOutputs(name, 'clv', clv, total && options && { ...total, level: options.level });
  return { value: { kind: 'value', customers, purchaseModel: first }, outputs };
}
