// `model NAME = KIND(DATA) { options }`: fits through the models library (cancellable, with
// progress), then reports parameters with standard errors, log-likelihood, convergence and
// fit time; a purchase model fitted on a split with a holdout is checked against it.
import { modelKindInfo, type ModelStatement } from '../../language';
import type { FitData, FittedModel, History, IntervalOptions, ModelsPort } from '../models-port';
import { intervalOptions, PARAMETER_LEVEL } from './intervals';
import type { ModelPayload } from '../output-types';
import type { LoadedSource } from '../../data';
import { EvaluationError, type Computed, type EvalContext, type StatementOutcome } from './context';
import { customerTable, withColumns } from './customers';
import { holdoutByFrequency } from './holdout-check';
import { modelOutputs } from './model-outputs';
import { durationOption, numberOption, option } from './options';
import { splitCustomers, wholeLogSplit, type SplitData } from './split';
import { actualCumulative } from './tracking';
import { UNIT_DAYS } from '../../models';
import { frozenNote, pathOption, readFrozenFit, saveFit } from './frozen-fit';
import { engineFitData, scoreInEngine } from '../warehouse/fit';

/** The time unit of a summary source's recency and age (it has no split to say otherwise). */
const SUMMARY_UNIT = 'weeks';

export interface ModelData {
  /** The kind's display name, e.g. "BG/NBD". */
  kindTitle: string;
  fitted: FittedModel;
  /** The split it was fitted on, when it was (predictions and tracking need its summary). */
  split: SplitData | null;
  /** The source data it was fitted on otherwise (summary or cohort source). */
  data: FitData;
  /** Cumulative actual vs expected repeat purchases (purchase models on a split). */
  tracking?: Tracking;
  /** The bootstrap options of a purchase model with `intervals` (values bound their CLV with them). */
  intervals?: IntervalOptions;
  /** Each customer's expected purchases over the holdout (purchase models on a split with a holdout). */
  holdoutExpected?: Float64Array;
  /** On a warehouse split: the engine's temporary table of its customers with their scores (warehouse/fit.ts). */
  engineCustomers?: string;
  /** The histories the model was fitted on, and their time unit (for the frequency × recency matrix). */
  history: History | null;
  unit: string;
}

interface Tracking {
  unit: string;
  cumulative: { period: number; actual: number; expected: number }[];
  calibrationEndPeriod: number;
}

/**
 * What the model is fitted on: a split's calibration summary, a transaction source's whole log
 * as calibration, or a summary/cohort source as read.
 */
function fitData(
  input: Computed,
  argument: string,
  models: ModelsPort,
  ctx: EvalContext,
): { data: FitData; split: SplitData | null } {
  const whole =
    input.kind === 'source' && (input.source as LoadedSource).kind === 'transactions'
      ? wholeLogSplit(input.source as LoadedSource, models, ctx)
      : null;
  const split = input.kind === 'split' ? (input.split as SplitData) : whole;
  if (split) return { data: { kind: 'summary', summary: split.summary }, split };
  if (input.kind === 'source') return { data: input.source as FitData, split: null };
  throw new EvaluationError(`"${argument}" is not data a model can be fitted on.`);
}

function payload(
  name: string,
  kind: string,
  fitted: FittedModel,
  split: SplitData | null,
  tracking: Tracking | undefined,
  holdoutExpected: Float64Array | undefined,
): ModelPayload {
  const info = modelKindInfo(kind)!;
  const p: ModelPayload = {
    name,
    kind: info.title,
    parameters: fitted.parameters.map(({ name, cohort, estimate, standardError }) => ({
      name: cohort ? `${name} (${cohort})` : name,
      estimate,
      standardError,
      description: info.parameters.find((d) => d.name === name)?.description,
    })),
    logLikelihood: fitted.logLikelihood,
    converged: fitted.converged,
    message: fitted.message,
    iterations: fitted.iterations,
    gradientNorm: fitted.gradientNorm,
    fitMs: fitted.ms,
    customers: fitted.customers,
  };
  if (split && tracking && holdoutExpected) {
    const s = split.summary;
    p.holdout = { ...tracking, byFrequency: holdoutByFrequency(s.frequency, s.holdoutPurchases!, holdoutExpected) };
  }
  return p;
}

/** Each customer's expected purchases over the split's holdout, given their calibration history. */
function expectedInHoldout(fitted: FittedModel, split: SplitData, checkpoint: (fraction: number) => void) {
  if (split.holdoutEnd === null) return undefined;
  const holdoutLength = (split.holdoutEnd - split.calibrationEnd) / UNIT_DAYS[split.unit];
  return fitted.conditionalExpectedPurchases(holdoutLength, split.summary, checkpoint);
}

/** Cumulative repeat purchases from the first purchase to the end of the holdout (or calibration). */
function tracking(fitted: FittedModel, split: SplitData): Tracking {
  const s = split.summary;
  const unitDays = UNIT_DAYS[split.unit];
  const start = s.firstPurchase.reduce((m, d) => Math.min(m, d), Infinity);
  const periods = Math.ceil(((split.holdoutEnd ?? split.calibrationEnd) - start) / unitDays);
  const actual = actualCumulative(s.repeatPurchaseDays, start, unitDays, periods);
  const expected = fitted.expectedCumulativeRepeats(s.T, periods);
  return {
    unit: split.unit,
    cumulative: Array.from(actual, (a, k) => ({ period: k + 1, actual: a, expected: expected[k] })),
    calibrationEndPeriod: (split.calibrationEnd - start) / unitDays,
  };
}

/**
 * A model statement. Fitting and scoring run the model's special functions on every customer:
 * a numerical failure there (a hypergeometric series that does not converge on an extreme
 * history) is this model's failure, explained, never an internal error of the kernel.
 */
export async function evaluateModel(ctx: EvalContext, models: ModelsPort): Promise<StatementOutcome> {
  try {
    return await fitAndScore(ctx, models);
  } catch (err) {
    if (ctx.signal.aborted || err instanceof EvaluationError) throw err;
    const statement = ctx.statement as ModelStatement;
    const kind = statement.call!.callee.name;
    throw new EvaluationError(
      `The ${modelKindInfo(kind)?.title ?? kind} model failed numerically while scoring its customers: ${(err as Error).message}. Look for implausible histories (a very long calibration period, placeholder dates) or try another model.`,
      statement.call,
    );
  }
}

async function fitAndScore(ctx: EvalContext, models: ModelsPort): Promise<StatementOutcome> {
  const statement = ctx.statement as ModelStatement;
  const call = statement.call;
  if (!statement.name || !call || call.args.length === 0) throw new EvaluationError('Incomplete model statement.');
  const kind = call.callee.name;
  const given = fitData(ctx.input(call.args[0].name), call.args[0].name, models, ctx);
  const { split } = given;
  // On a warehouse split, the engine makes what the fit needs (patterns, spend sums), not the customers.
  const role = modelKindInfo(kind)?.role;
  const data =
    split?.engine && (role === 'purchase' || role === 'spend')
      ? await engineFitData(ctx, split.engine, role)
      : given.data;
  // Options for another role of model (`fit_periods` on bgnbd) never get here: the checker
  // refuses them (option-not-applicable, from the catalog's `modelRoles`) and a cell with errors
  // does not run.
  const frozen = pathOption(statement, 'frozen') ? readFrozenFit(ctx, statement, split) : undefined;
  let fitted: FittedModel;
  try {
    fitted = await models.fitModel(kind, data, {
      frozen,
      penalty: numberOption(statement.block, 'penalty'),
      maxIterations: numberOption(statement.block, 'max_iterations'),
      tolerance: numberOption(statement.block, 'tolerance'),
      fitPeriods: numberOption(statement.block, 'fit_periods'),
      signal: ctx.signal,
      onProgress: (fraction: number, message: string) =>
        ctx.progress(fraction, `fitting ${statement.name!.name} (${modelKindInfo(kind)?.title ?? kind}): ${message}`),
      pulse: ctx.pulse,
    });
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    throw new EvaluationError(
      `The ${modelKindInfo(kind)?.title ?? kind} model could not be fitted: ${(err as Error).message}`,
      call,
    );
  }
  const purchase = split !== null && fitted.role === 'purchase';
  const track = purchase ? tracking(fitted, split) : undefined;
  const scoring = (fraction: number) => ctx.checkpoint(fraction, 'scoring customers');
  const holdoutExpected = purchase ? expectedInHoldout(fitted, split, scoring) : undefined;
  const p = payload(statement.name.name, kind, fitted, split, track, holdoutExpected);
  const savedTo = pathOption(statement, 'save_fit') ? saveFit(ctx, statement, fitted, data, split) : undefined;
  p.frozen = frozenNote(statement, frozen, savedTo);
  // Per-customer view of the model (for charts, tables and segments on the model itself).
  const history: History | null = split
    ? split.summary
    : data.kind === 'summary' && !('summary' in data)
      ? { frequency: data.frequency, recency: data.recency, T: data.age }
      : null;
  const intervals = intervalOptions(statement.block);
  addParameterIntervals(p, fitted, intervals?.level ?? PARAMETER_LEVEL);
  const bounds =
    intervals && fitted.role === 'purchase'
      ? predictionBounds(statement, fitted, split, intervals, holdoutExpected, p, scoring)
      : {};
  const customers =
    fitted.role !== 'purchase' || !history
      ? undefined
      : split
        ? withColumns(
            splitCustomers(split),
            {
              p_alive: fitted.pAlive(split.summary, scoring),
              ...horizonColumns(statement, split, fitted, split.summary, scoring),
              ...bounds,
            },
            'p_alive',
          )
        : summaryCustomers(
            data,
            fitted.pAlive(history, scoring),
            horizonColumns(statement, null, fitted, history, scoring),
          );
  const engineCustomers =
    split?.engine && fitted.role === 'purchase'
      ? await scoreInEngine(ctx, split.engine, statement.name.name, fitted, forecastHorizon(statement, split))
      : undefined;
  const model: ModelData = {
    kindTitle: p.kind,
    engineCustomers,
    fitted,
    split,
    data,
    tracking: track,
    holdoutExpected,
    intervals: fitted.role === 'purchase' ? intervals : undefined,
    history,
    unit: split?.unit ?? 'periods',
  };
  return { value: { kind: 'model', model, customers }, outputs: modelOutputs(p) };
}

/**
 * A purchase model's own forecasts over its `horizon` option, else over the holdout's length,
 * else none (the checker asks for a horizon where they are used): `expected_purchases`,
 * `p_alive_at_horizon` and `p_no_purchase`.
 */
function horizonColumns(
  statement: ModelStatement,
  split: SplitData | null,
  fitted: FittedModel,
  h: History,
  checkpoint: (fraction: number) => void,
): Record<string, Float64Array> {
  const horizon = forecastHorizon(statement, split);
  if (horizon === undefined) return {};
  return {
    expected_purchases: fitted.conditionalExpectedPurchases(horizon, h, checkpoint),
    p_alive_at_horizon: fitted.pAliveAfter(horizon, h, checkpoint),
    p_no_purchase: fitted.pNoPurchase(horizon, h, checkpoint),
  };
}

function forecastHorizon(statement: ModelStatement, split: SplitData | null): number | undefined {
  const unit = split?.unit ?? SUMMARY_UNIT;
  return (
    durationOption(statement.block, 'horizon', unit) ??
    (split && split.holdoutEnd !== null ? (split.holdoutEnd - split.calibrationEnd) / UNIT_DAYS[unit] : undefined)
  );
}

function addParameterIntervals(p: ModelPayload, fitted: FittedModel, level: number): void {
  const intervals = fitted.parameterIntervals(level);
  p.intervalLevel = level;
  p.parameters.forEach((q, i) => {
    q.low = intervals?.[i].low ?? null;
    q.high = intervals?.[i].high ?? null;
  });
}

/**
 * With `intervals`: bootstrap bounds of P(alive) and of the forecast per customer, and of the
 * total expected holdout purchases (into the payload).
 */
function predictionBounds(
  statement: ModelStatement,
  fitted: FittedModel,
  split: SplitData | null,
  options: IntervalOptions,
  holdoutExpected: Float64Array | undefined,
  p: ModelPayload,
  checkpoint: (fraction: number) => void,
): Record<string, Float64Array> {
  if (!split)
    throw new EvaluationError(
      '`intervals` needs a purchase model fitted on a split of transactions (a summary source has no per-customer rows to bound).',
      option(statement.block, 'intervals'),
    );
  if (!fitted.parameterIntervals(options.level))
    throw new EvaluationError(
      'The fit has no covariance (its information matrix is singular), so it has no intervals; remove `intervals` or add data.',
      option(statement.block, 'intervals'),
    );
  const h = split.summary;
  const everyone = { of: new Int32Array(h.frequency.length), count: 1 };
  const alive = fitted.predictionIntervals({ kind: 'p_alive' }, h, options, undefined, checkpoint);
  const bounds: Record<string, Float64Array> = { p_alive_low: alive.low, p_alive_high: alive.high };
  const expected = (t: number) => fitted.predictionIntervals({ kind: 'expected', t }, h, options, everyone, checkpoint);
  const horizon = forecastHorizon(statement, split);
  const purchases = horizon === undefined ? undefined : expected(horizon);
  if (purchases) {
    bounds.expected_purchases_low = purchases.low;
    bounds.expected_purchases_high = purchases.high;
  }
  p.bootstrap = { ...options };
  if (holdoutExpected && split.holdoutEnd !== null) {
    const t = (split.holdoutEnd - split.calibrationEnd) / UNIT_DAYS[split.unit];
    const total = (t === horizon && purchases ? purchases : expected(t)).totals[0];
    p.bootstrap.holdoutTotal = { expected: holdoutExpected.reduce((a, b) => a + b, 0), ...total };
  }
  return bounds;
}

/**
 * Per-customer rows of a model fitted on a summary source: a weighted row (a pattern shared
 * by `weight` customers) becomes that many customers, so counts and shares are of customers.
 */
function summaryCustomers(data: FitData, pAlive: Float64Array, forecasts: Record<string, Float64Array>) {
  if (data.kind !== 'summary' || 'summary' in data) throw new Error('kernel: summary source expected');
  const rows = data.frequency.length;
  const repeat = (r: number) => (data.weight ? Math.round(data.weight[r]) : 1);
  const ids: string[] = [];
  const index: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < repeat(r); k++) {
      ids.push(data.weight ? `${r + 1}.${k + 1}` : String(r + 1));
      index.push(r);
    }
  }
  const spread = (values: Float64Array | null) => (values ? Float64Array.from(index, (r) => values[r]) : undefined);
  return customerTable(
    {
      customer: ids,
      frequency: spread(data.frequency),
      recency: spread(data.recency),
      age: spread(data.age),
      monetary: spread(data.monetary),
      p_alive: spread(pAlive),
      ...Object.fromEntries(Object.entries(forecasts).map(([name, values]) => [name, spread(values)])),
    },
    SUMMARY_UNIT,
    'p_alive',
  );
}
