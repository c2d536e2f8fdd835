// The models port (models-port.ts) implemented on the models library (server/src/models): the
// one place the kernel meets the BTYD mathematics. The library fits and predicts; this file adds
// what a notebook run needs around it: refusing data a model cannot use with a reason, timing,
// interrupt checkpoints, and scoring each unique customer history once (a million customers
// share far fewer (x, t_x, T) histories) before spreading the results back to customers.
import {
  bootstrapPatterns,
  drawParameters,
  parameterIntervals,
  quantilePair,
  bgbbModel,
  bgnbdModel,
  discountedExpectedPurchases,
  expectedCumulativeTransactions,
  fitBgBb,
  fitBgNbd,
  bgbbLogLik,
  bgnbdLogLik,
  mbgnbdLogLik,
  paretoNbdLogLik,
  gammaGammaLogLik,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  gather,
  gammaGammaExpectedSpend,
  mbgnbdModel,
  paretoNbdModel,
  sbgSurvival,
  replaying,
  spendData,
  summariseTransactions as summarise,
  toPatterns,
  discountSchedule,
  drawnExpected,
  drawnPAlive,
  UNIT_DAYS,
  type DrawnPrediction,
  type ExpectationSchedule,
  type TabledKind,
  type FitResult,
  type Patterns,
  type PurchaseModel,
  type SpendData,
} from '../models';
import type { TransactionLog } from '../data';
import { inTimeSlices } from '../data/time-slices';
import type { FitOptions as LibraryFitOptions } from '../models/optimize/mle';
import { FIT_DEFAULTS } from '../models/optimize/defaults';
import type { ModelKind } from '../language';
import type {
  CustomerSummary,
  FitData,
  FitOptions,
  FittedModel,
  FrozenParameters,
  History,
  IntervalOptions,
  ModelsPort,
  Prediction,
  PredictionIntervals,
  SpendSums,
  SummaryOptions,
  TotalGroups,
} from './models-port';

/** Thrown when the data cannot support the model; the message says why. */
class NotFittable extends Error {}

interface SummaryColumns {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array | null;
  weight: Float64Array | null;
}

function summaryColumns(data: FitData, kind: string): SummaryColumns {
  if (data.kind === 'cohorts') throw new NotFittable(`${kind} needs customer transactions or a summary, not cohorts.`);
  if (data.kind === 'spend-sums') throw new NotFittable(`${kind} needs customer histories, not spend sums.`);
  if ('summary' in data) return { ...data.summary, weight: null };
  return {
    frequency: data.frequency,
    recency: data.recency,
    T: data.age,
    monetary: data.monetary,
    weight: data.weight,
  };
}

/** A progress report that also stops the work (by throwing) once the run is interrupted. */
function checkpointOf(options: FitOptions): (fraction: number, message: string) => void {
  return (fraction, message) => {
    options.onProgress(fraction, message);
    if (options.signal.aborted) throw new NotFittable('interrupted.');
  };
}

/** The library's fit options from the kernel's: the same knobs, plus an interrupt checkpoint per iteration. */
function libraryOptions(options: FitOptions): LibraryFitOptions {
  const expected = Math.min(options.maxIterations ?? FIT_DEFAULTS.maxIterations, 100);
  const checkpoint = checkpointOf(options);
  return {
    penalty: options.penalty,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    checkpoint: (iteration, gradientNorm) =>
      checkpoint(
        Math.min(0.99, iteration / expected),
        `iteration ${iteration}, gradient ${gradientNorm.toExponential(1)}`,
      ),
    pulse: options.pulse,
  };
}

/** A library fit result in the port's shape (parameters in order, with standard errors and timing). */
function fitSummary<P extends string>(fit: FitResult<P>, ms: number) {
  if (!Number.isFinite(fit.logLikelihood))
    throw new NotFittable(fit.message ?? 'the likelihood has no finite maximum on this data.');
  const estimates = Object.values<number>(fit.params);
  return {
    logCovariance: fit.logCovariance,
    parameterIntervals: (level: number) =>
      fit.logCovariance ? parameterIntervals(estimates, fit.logCovariance, level) : null,
    parameters: (Object.keys(fit.params) as P[]).map((name) => ({
      name,
      estimate: fit.params[name],
      standardError: fit.standardErrors[name],
    })),
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    message: fit.message,
    iterations: fit.iterations,
    gradientNorm: fit.gradientNorm,
    ms,
    customers: fit.customers,
  };
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

// Unique histories per summary (keyed by its frequency column): built once, reused by every prediction.
const historyIndex = new WeakMap<ArrayLike<number>, Patterns>();

/** The unique (x, t_x, T) histories of `h`, with the pattern of each customer in `of`. */
function uniqueHistories(h: History): Patterns {
  let unique = historyIndex.get(h.frequency);
  if (!unique || unique.of.length !== h.frequency.length)
    historyIndex.set(h.frequency, (unique = toPatterns(h.frequency, h.recency, h.T)));
  return unique;
}

/**
 * Applies `compute` once per unique (x, t_x, T) history, in time slices with `checkpoint`
 * between them (so an interrupt lands within a slice), and spreads the results to customers.
 */
function perHistory(
  h: History,
  compute: (unique: History) => Float64Array,
  checkpoint?: (fraction: number) => void,
): Float64Array {
  const unique = uniqueHistories(h);
  const { x: frequency, tx: recency, T } = unique;
  const values = new Float64Array(frequency.length);
  inTimeSlices(
    frequency.length,
    (start, end) =>
      values.set(
        compute({
          frequency: frequency.subarray(start, end),
          recency: recency.subarray(start, end),
          T: T.subarray(start, end),
        }),
        start,
      ),
    checkpoint,
  );
  return gather(values, unique.of);
}

function unsupported(what: string): never {
  throw new Error(`this model does not predict ${what}`);
}

/** What every fitted model answers, before a kind fills in what it predicts. */
const noPredictions = {
  predictionIntervals: () => unsupported('intervals of predictions'),
  pAlive: () => unsupported('P(alive)'),
  conditionalExpectedPurchases: () => unsupported('purchases'),
  pAliveAfter: () => unsupported('P(alive)'),
  pNoPurchase: () => unsupported('purchases'),
  expectedCumulativeRepeats: () => unsupported('purchases'),
  discountedExpectedPurchases: () => unsupported('purchases'),
  expectedSpend: () => unsupported('spend'),
  cohortValues: () => unsupported('cohort values'),
  survivalCurves: () => unsupported('survival'),
};

/** A purchase model kind: how the library fits it and how its fitted parameters predict. */
interface PurchaseKind {
  title: string;
  /** The library's draw tables for its bootstrap, if it has them (else draws are evaluated one by one). */
  tabled: TabledKind | null;
  fit(patterns: Patterns, options: LibraryFitOptions): FitResult;
  /** Log-likelihood of `patterns` at parameters in the library's order (a frozen model's, on what it scores). */
  logLik(theta: ArrayLike<number>, patterns: Patterns): number;
  model(params: Record<string, number>): PurchaseModel;
}

async function fitPurchaseModel(
  kind: PurchaseKind,
  data: FitData,
  options: FitOptions,
  frozen?: FrozenParameters,
): Promise<FittedModel> {
  const s = summaryColumns(data, kind.title);
  if (!frozen && !s.frequency.some((x) => x > 0))
    throw new NotFittable(
      'no customer made a repeat purchase in calibration, so purchase rates and drop-out cannot be estimated.',
    );
  const grouping = checkpointOf(options);
  const patterns = toPatterns(s.frequency, s.recency, s.T, s.weight, (fraction) =>
    grouping(0, `grouping customer histories (${Math.round(fraction * 100)}%)`),
  );
  // The fit's patterns are the unique histories of the customers it was fitted on: scoring them
  // later reuses the grouping.
  if (!patterns.of.includes(-1)) historyIndex.set(s.frequency, patterns);
  const { result: fit, ms } = timed(() =>
    frozen
      ? frozenResult(frozen, kind.logLik(Object.values(frozen.parameters), patterns), patterns.total)
      : kind.fit(patterns, libraryOptions(options)),
  );
  const model = kind.model(fit.params);
  const evaluations: DrawEvaluations = new WeakMap();
  return {
    ...noPredictions,
    ...fitSummary(fit, ms),
    role: 'purchase',
    pAlive: (h, checkpoint) => perHistory(h, predictor(model, { kind: 'p_alive' }), checkpoint),
    conditionalExpectedPurchases: (t, h, checkpoint) =>
      perHistory(h, predictor(model, { kind: 'expected', t }), checkpoint),
    pAliveAfter: (t, h, checkpoint) => perHistory(h, (u) => model.pAliveAfter(t, u), checkpoint),
    pNoPurchase: (t, h, checkpoint) => perHistory(h, (u) => model.pNoPurchase(t, u), checkpoint),
    expectedCumulativeRepeats: (T, periods) => expectedCumulativeTransactions(model, T, periods, periods),
    discountedExpectedPurchases: (horizon, ratePerUnit, h, period, checkpoint) =>
      perHistory(h, predictor(model, { kind: 'discounted', horizon, ratePerUnit, period }), checkpoint),
    predictionIntervals: (prediction, h, intervals, groups, checkpoint) =>
      bootstrapIntervals(kind, fit, evaluations, prediction, h, intervals, groups, checkpoint),
  };
}

/**
 * A frozen model's "fit": the saved parameters, standard errors and covariance as they were,
 * with the log-likelihood of the data it now scores (no optimizer ran, so no iterations).
 */
function frozenResult(frozen: FrozenParameters, logLikelihood: number, customers: number): FitResult {
  return {
    params: frozen.parameters,
    standardErrors: frozen.standardErrors,
    logCovariance: frozen.logCovariance,
    logLikelihood,
    converged: true,
    iterations: 0,
    gradientNorm: NaN,
    customers,
  };
}

/**
 * Each draw's prediction on unique histories [start, end), one draw at a time through the
 * model's own predictions (for models without draw tables).
 */
function drawByDraw(predict: ((u: History) => Float64Array)[], p: Patterns): DrawnPrediction {
  const D = predict.length;
  return (start, end, out) =>
    predict.forEach((f, d) => {
      const values = f({
        frequency: p.x.subarray(start, end),
        recency: p.tx.subarray(start, end),
        T: p.T.subarray(start, end),
      });
      for (let k = 0; k < values.length; k++) out[k * D + d] = values[k];
    });
}

/** The library's schedule of an expectation: a horizon, or the periods of a discounted sum. */
function scheduleOf(prediction: Exclude<Prediction, { kind: 'p_alive' }>): ExpectationSchedule {
  if (prediction.kind === 'expected') return { times: [prediction.t], factors: [1] };
  return discountSchedule({
    horizon: prediction.horizon,
    period: prediction.period,
    unitDays: 1,
    annualDiscount: annualRate(prediction.ratePerUnit),
  });
}

/**
 * The library discounts per period from an annual rate and the unit's length in days; with a
 * one-day "unit" the annual rate is the per-unit rate compounded over 365.2425 units.
 */
const annualRate = (ratePerUnit: number) => Math.pow(1 + ratePerUnit, UNIT_DAYS.years) - 1;

/** A prediction of `model` as a function of histories. */
function predictor(model: PurchaseModel, prediction: Prediction): (u: History) => Float64Array {
  switch (prediction.kind) {
    case 'p_alive':
      return (u) => model.pAlive(u);
    case 'expected':
      return (u) => model.conditionalExpected(prediction.t, u);
    case 'discounted':
      return (u) =>
        discountedExpectedPurchases(model, u, {
          horizon: prediction.horizon,
          period: prediction.period,
          unitDays: 1,
          annualDiscount: annualRate(prediction.ratePerUnit),
          margin: 1,
        });
  }
}

/**
 * A fit's draw evaluations by histories and prediction: a value's segments ask again for the
 * bootstrap its customers' bounds ran (other groups, same draws), and the tables (the 2F1 of
 * every discounting period, draw and (x, T)) are the cost, so they are built once.
 */
type DrawEvaluations = WeakMap<Patterns, Map<string, DrawnPrediction>>;

function drawEvaluation(
  evaluations: DrawEvaluations,
  unique: Patterns,
  prediction: Prediction,
  options: IntervalOptions,
  build: () => DrawnPrediction,
): DrawnPrediction {
  let byPrediction = evaluations.get(unique);
  if (!byPrediction) evaluations.set(unique, (byPrediction = new Map<string, DrawnPrediction>()));
  const key = `${options.draws}:${options.seed}:${JSON.stringify(prediction)}`;
  let evaluation = byPrediction.get(key);
  if (!evaluation) byPrediction.set(key, (evaluation = build()));
  return evaluation;
}

/**
 * Parametric bootstrap of a prediction on the unique histories of `h`, spread back to
 * customers; totals per group from each draw's values weighted by the group's customers.
 */
function bootstrapIntervals(
  kind: PurchaseKind,
  fit: FitResult,
  evaluations: DrawEvaluations,
  prediction: Prediction,
  h: History,
  options: IntervalOptions,
  groups: TotalGroups | undefined,
  checkpoint: ((fraction: number) => void) | undefined,
): PredictionIntervals {
  if (!fit.logCovariance)
    throw new NotFittable('the fit has no covariance (its information matrix is singular), so it has no intervals.');
  const logCovariance = fit.logCovariance;
  const unique = uniqueHistories(h);
  const D = options.draws;
  const evaluate = drawEvaluation(evaluations, unique, prediction, options, () => {
    const names = Object.keys(fit.params);
    const draws = drawParameters(
      names.map((n) => fit.params[n]),
      logCovariance,
      options.draws,
      options.seed,
    );
    return kind.tabled
      ? prediction.kind === 'p_alive'
        ? drawnPAlive(kind.tabled, draws, unique)
        : drawnExpected(kind.tabled, draws, unique, scheduleOf(prediction))
      : drawByDraw(
          draws.map((theta) =>
            predictor(kind.model(Object.fromEntries(names.map((n, i) => [n, theta[i]]))), prediction),
          ),
          unique,
        );
  });
  const weights = Array.from({ length: groups?.count ?? 0 }, () => new Float64Array(unique.count));
  if (groups)
    for (let i = 0; i < groups.of.length; i++)
      if (groups.of[i] >= 0) weights[groups.of[i]][unique.of[i]] += groups.weight ? groups.weight[i] : 1;
  const sums = weights.map(() => new Float64Array(D));
  const { low, high } = bootstrapPatterns({
    patterns: unique.count,
    draws: D,
    level: options.level,
    evaluate,
    onValues: (k, values) =>
      weights.forEach((w, g) => {
        const weight = w[k];
        if (weight === 0) return;
        const sum = sums[g];
        for (let d = 0; d < D; d++) sum[d] += weight * values[d];
      }),
    checkpoint,
  });
  return {
    low: gather(low, unique.of),
    high: gather(high, unique.of),
    totals: sums.map((sum) => {
      const [a, b] = quantilePair(sum, options.level);
      return { low: a, high: b };
    }),
  };
}

const BG_NBD: PurchaseKind = {
  title: 'BG/NBD',
  tabled: 'bgnbd',
  fit: fitBgNbd,
  logLik: bgnbdLogLik,
  model: (p) => bgnbdModel({ r: p.r, alpha: p.alpha, a: p.a, b: p.b }),
};
const MBG_NBD: PurchaseKind = {
  title: 'MBG/NBD',
  tabled: 'mbgnbd',
  fit: fitMbgNbd,
  logLik: mbgnbdLogLik,
  model: (p) => mbgnbdModel({ r: p.r, alpha: p.alpha, a: p.a, b: p.b }),
};
const PARETO_NBD: PurchaseKind = {
  title: 'Pareto/NBD',
  tabled: 'pareto_nbd',
  fit: fitParetoNbd,
  logLik: paretoNbdLogLik,
  model: (p) => paretoNbdModel({ r: p.r, alpha: p.alpha, s: p.s, beta: p.beta }),
};
const BG_BB: PurchaseKind = {
  title: 'BG/BB',
  tabled: null,
  fit: fitBgBb,
  logLik: bgbbLogLik,
  model: (p) => bgbbModel({ alpha: p.alpha, beta: p.beta, gamma: p.gamma, delta: p.delta }),
};

async function fitGammaGammaModel(data: FitData, options: FitOptions, frozen?: FrozenParameters): Promise<FittedModel> {
  const start = performance.now();
  const run = (spend: SpendData) =>
    frozen
      ? frozenResult(frozen, gammaGammaLogLik(Object.values(frozen.parameters), spend), spend.count)
      : fitGammaGamma(spend, libraryOptions(options));
  const fit =
    data.kind === 'spend-sums' ? await onSpendSums(data, run) : run(spendOf(summaryColumns(data, 'Gamma-Gamma')));
  const ms = performance.now() - start;
  const params = { p: fit.params.p, q: fit.params.q, gamma: fit.params.gamma };
  if (!(params.q > 1))
    throw new NotFittable(
      `q = ${params.q.toPrecision(3)} ≤ 1 gives customers an infinite mean spend; the spend data do not support the model.`,
    );
  return {
    ...noPredictions,
    ...fitSummary(fit, ms),
    role: 'spend',
    expectedSpend: (summary: CustomerSummary) => gammaGammaExpectedSpend(params, summary.frequency, summary.monetary),
  };
}

async function fitSbgModel(data: FitData, options: FitOptions): Promise<FittedModel> {
  if (data.kind !== 'cohorts') throw new NotFittable('sBG needs a cohort source (survivors per period).');
  const fits = data.cohorts.map((cohort) => {
    // Periods after `fitPeriods` are held out: they judge the projection instead of shaping it.
    const calibration = options.fitPeriods ? cohort.survivors.subarray(0, options.fitPeriods + 1) : cohort.survivors;
    const { result: fit, ms } = timed(() => fitSbg(calibration, libraryOptions(options)));
    return { cohort, summary: fitSummary(fit, ms), params: { alpha: fit.params.alpha, beta: fit.params.beta } };
  });
  const named = fits.length > 1;
  return {
    ...noPredictions,
    role: 'retention',
    logCovariance: null, // one per cohort: an sbg fit is not saved
    parameters: fits.flatMap(({ cohort, summary }) =>
      summary.parameters.map((p) => (named ? { ...p, cohort: cohort.name } : p)),
    ),
    parameterIntervals: (level) => {
      const each = fits.map((f) => f.summary.parameterIntervals(level));
      return each.every((x) => x !== null) ? each.flat() : null;
    },
    logLikelihood: fits.reduce((s, f) => s + f.summary.logLikelihood, 0),
    converged: fits.every((f) => f.summary.converged),
    message: fits.find((f) => f.summary.message)?.summary.message,
    iterations: fits.reduce((s, f) => s + f.summary.iterations, 0),
    gradientNorm: Math.max(...fits.map((f) => f.summary.gradientNorm)),
    ms: fits.reduce((s, f) => s + f.summary.ms, 0),
    customers: fits.reduce((s, f) => s + f.cohort.survivors[0], 0),
    cohortValues: ({ payment, horizon, discount }) => ({
      names: fits.map((f) => f.cohort.name),
      // A payment at the start of each period the subscriber is still there, discounted.
      values: Float64Array.from(fits, (f) =>
        sbgSurvival(f.params, horizon - 1).reduce(
          (v, alive, t) => v + (payment * alive) / Math.pow(1 + discount, t),
          0,
        ),
      ),
    }),
    survivalCurves: () =>
      fits.map((f) => ({
        name: f.cohort.name,
        observed: f.cohort.survivors.map((n) => n / f.cohort.survivors[0]),
        fitted: sbgSurvival(f.params, f.cohort.survivors.length + 4),
      })),
  };
}

const TOO_FEW_SPENDERS = 'fewer than two customers made a repeat purchase with a positive amount.';

function spendOf(s: SummaryColumns): SpendData {
  if (!s.monetary) throw new NotFittable('the data has no spend amounts.');
  const spend = spendData(s.frequency, s.monetary, s.weight);
  if (spend.count < 2) throw new NotFittable(TOO_FEW_SPENDERS);
  return spend;
}

/**
 * `run` (a fit, or a frozen fit's likelihood) on sums made elsewhere, replayed until every γ it
 * tries has its sums: exactly what it gives on the customers in memory.
 */
async function onSpendSums<R>(data: SpendSums, run: (spend: SpendData) => R): Promise<R> {
  const count = data.customers.reduce((a, b) => a + b, 0);
  if (count < 2) throw new NotFittable(TOO_FEW_SPENDERS);
  const statistics = {
    count,
    total: count,
    distinctX: data.frequency,
    weightOfX: data.customers,
    lnMeanOfX: data.lnMean,
  };
  const { result } = await replaying(
    (terms: (gamma: number) => { ln: Float64Array; inverse: Float64Array }) => run({ ...statistics, terms }),
    (gamma) => data.terms(gamma),
  );
  return result;
}

/** One fitter per model kind of the language's catalog (a kind without one does not compile). */
const FITTERS: Record<
  ModelKind,
  (data: FitData, options: FitOptions, frozen?: FrozenParameters) => Promise<FittedModel>
> = {
  bgnbd: (data, options, frozen) => fitPurchaseModel(BG_NBD, data, options, frozen),
  pareto_nbd: (data, options, frozen) => fitPurchaseModel(PARETO_NBD, data, options, frozen),
  bgbb: (data, options, frozen) => fitPurchaseModel(BG_BB, data, options, frozen),
  mbgnbd: (data, options, frozen) => fitPurchaseModel(MBG_NBD, data, options, frozen),
  gamma_gamma: fitGammaGammaModel,
  sbg: fitSbgModel,
};

/** The port's summary: the library's, with monetary undefined (NaN) where there is no repeat purchase to average. */
function summariseTransactions(log: TransactionLog, options: SummaryOptions): CustomerSummary {
  const summary = summarise(log, {
    calibrationEnd: options.calibrationEnd,
    holdoutEnd: options.holdoutEnd,
    unit: options.unitDays,
    returns: options.returns,
    checkpoint: options.checkpoint,
    repeatPurchaseDays: true,
  });
  return { ...summary, monetary: repeatSpendOnly(summary), repeatPurchaseDays: summary.repeatPurchaseDays! };
}

/** The port's monetary: the library's mean repeat spend, NaN (not 0) for a customer with no repeat purchase. */
export function repeatSpendOnly(summary: {
  frequency: Float64Array;
  monetary: Float64Array | null;
}): Float64Array | null {
  const monetary = summary.monetary && summary.monetary.slice();
  if (monetary) for (let i = 0; i < monetary.length; i++) if (!(summary.frequency[i] > 0)) monetary[i] = NaN;
  return monetary;
}

export const modelsLibrary: ModelsPort = {
  summariseTransactions,
  async fitModel(kind, data, options) {
    const fitter = Object.hasOwn(FITTERS, kind) ? FITTERS[kind as ModelKind] : undefined;
    if (!fitter)
      throw new Error(
        `the ${kind} model is not implemented in this kernel yet (available: ${Object.keys(FITTERS).join(', ')}).`,
      );
    if (options.frozen && kind === 'sbg') throw new Error('kernel: an sbg fit cannot be frozen');
    return fitter(data, options, options.frozen);
  },
};
