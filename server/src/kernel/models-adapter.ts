// The models port (models-port.ts) implemented on the kernel's BTYD module (btyd/): the
// summary builder, maximum-likelihood fits on log-parameters (BFGS, standard errors from the
// numerical Hessian) and the predictions of BG/NBD, Gamma-Gamma and sBG. Every prediction
// is computed once per unique customer history and spread back to customers.
import { bgbbConditional, bgbbExpected, bgbbLogLikelihood, bgbbPAlive, type BgBbParams } from './btyd/bgbb';
import { bgnbdConditional, bgnbdExpected, bgnbdLogLikelihood, bgnbdPAlive, type BgNbdParams } from './btyd/bgnbd';
import { gammaGammaExpectedSpend, gammaGammaLogLikelihood, type GammaGammaParams } from './btyd/gamma-gamma';
import { paretoNbdConditional, paretoNbdExpected, paretoNbdLogLikelihood, paretoNbdPAlive, type ParetoNbdParams } from './btyd/pareto-nbd';
import { mbgnbdConditional, mbgnbdExpected, mbgnbdLogLikelihood, mbgnbdPAlive } from './btyd/mbgnbd';
import { FitInterrupted, minimize, standardErrors, type Minimum } from './btyd/optimize';
import { rowsAsPatterns, uniquePatterns, type Patterns } from './btyd/patterns';
import { sbgLogLikelihood, sbgSurvival, type SbgParams } from './btyd/sbg';
import { summariseTransactions } from './btyd/summary';
import type { CustomerSummary, FitData, FitOptions, FittedModel, History, ModelsPort } from './models-port';

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
  if ('summary' in data) return { ...data.summary, weight: null };
  return { frequency: data.frequency, recency: data.recency, T: data.age, monetary: data.monetary, weight: data.weight };
}

/**
 * Fits `names` (positive parameters) by maximising `logLikelihood` (with its gradient in the
 * parameters when known), returning estimates and standard errors.
 */
async function fitPositive(names: string[], logLikelihood: (p: number[]) => number, options: FitOptions, customers: number, llGradient?: (p: number[]) => number[]) {
  const penalty = options.penalty ?? 0;
  // Minimise the mean negative log-likelihood over log-parameters: well scaled whatever the size.
  const objective = (theta: number[]) => -logLikelihood(theta.map(Math.exp)) / customers + penalty * theta.reduce((s, v) => s + v * v, 0);
  const objectiveGradient = llGradient
    ? (theta: number[]) => {
        const params = theta.map(Math.exp);
        // Chain rule through p = exp(θ).
        return llGradient(params).map((g, i) => (-g * params[i]) / customers + 2 * penalty * theta[i]);
      }
    : undefined;
  const start = performance.now();
  const result: Minimum = await minimize(
    objective,
    names.map(() => 0),
    { maxIterations: options.maxIterations ?? 1000, tolerance: options.tolerance ?? 1e-8, signal: options.signal, onProgress: options.onProgress },
    objectiveGradient,
  );
  const estimates = result.x.map(Math.exp);
  const se = standardErrors((p) => (p.some((v) => v <= 0) ? Infinity : -logLikelihood(p)), estimates, llGradient && ((p) => llGradient(p).map((g) => -g)));
  const logLik = logLikelihood(estimates);
  if (!Number.isFinite(logLik) || estimates.some((v) => !Number.isFinite(v))) throw new NotFittable('the likelihood has no finite maximum on this data.');
  return {
    parameters: names.map((name, i) => ({ name, estimate: estimates[i], standardError: se[i] })),
    estimates,
    logLikelihood: logLik,
    converged: result.converged,
    message: result.message,
    iterations: result.iterations,
    gradientNorm: result.gradientNorm,
    ms: performance.now() - start,
  };
}

/**
 * Memoises a value-and-gradient pass on its last point: the optimizer asks for the value and
 * then the gradient at the same parameters, and one pass computes both.
 */
function lastPoint<T>(compute: (p: number[]) => T): (p: number[]) => T {
  let key = '';
  let result: T;
  return (p) => {
    const k = p.join(',');
    if (k !== key) {
      result = compute(p);
      key = k;
    }
    return result;
  };
}

// Unique histories per summary (keyed by its frequency column): built once, reused by every prediction.
const historyPatterns = new WeakMap<Float64Array, ReturnType<typeof uniquePatterns>>();

function historiesOf(h: History, weight: Float64Array | null = null, checkpoint?: (fraction: number) => void) {
  if (weight) return uniquePatterns([h.frequency, h.recency, h.T], weight, checkpoint);
  let p = historyPatterns.get(h.frequency);
  if (!p || p.of.length !== h.frequency.length) historyPatterns.set(h.frequency, (p = uniquePatterns([h.frequency, h.recency, h.T], null, checkpoint)));
  return p;
}

/** Applies `compute` once per unique (x, t_x, T) history and spreads the results to customers. */
function perHistory(h: History, compute: (unique: History) => Float64Array): Float64Array {
  const p = historiesOf(h);
  const values = compute({ frequency: p.columns[0], recency: p.columns[1], T: p.columns[2] });
  return Float64Array.from(p.of, (k) => values[k]);
}

/**
 * Expected purchases over `horizon`, per `period`, each period's purchases discounted from
 * its end: Σ_k [E(t_k) − E(t_(k−1))] / (1 + rate)^(t_k), from cumulative expectations E(t).
 */
function discounted(horizon: number, rate: number, period: number, cumulative: (t: number) => Float64Array, checkpoint?: (fraction: number) => void): Float64Array {
  const steps = Math.max(1, Math.ceil(horizon / period - 1e-9));
  let before: Float64Array | null = null;
  let total: Float64Array | null = null;
  for (let k = 1; k <= steps; k++) {
    checkpoint?.((k - 1) / steps);
    const t = Math.min(horizon, k * period);
    const upTo = cumulative(t);
    total ??= new Float64Array(upTo.length);
    const factor = Math.pow(1 + rate, -t);
    for (let i = 0; i < upTo.length; i++) total[i] += (upTo[i] - (before ? before[i] : 0)) * factor;
    before = upTo;
  }
  return total!;
}

function unsupported(what: string): never {
  throw new Error(`this model does not predict ${what}`);
}

/** What every fitted model answers, before a kind fills in what it predicts. */
const noPredictions = {
  pAlive: () => unsupported('P(alive)'),
  conditionalExpectedPurchases: () => unsupported('purchases'),
  expectedPurchases: () => unsupported('purchases'),
  discountedExpectedPurchases: () => unsupported('purchases'),
  expectedSpend: () => unsupported('spend'),
  cohortValues: () => unsupported('cohort values'),
  survivalCurves: () => unsupported('survival'),
};

/** The mathematics of one purchase model, for the common fit-and-predict wrapper below. */
interface PurchaseModel<P> {
  title: string;
  names: string[];
  toParams(values: number[]): P;
  /** Log-likelihood, and its gradient in the parameters when the model has one in closed form. */
  logLikelihood(params: P, patterns: Patterns): { value: number; gradient?: number[] };
  pAlive(params: P, h: History): Float64Array;
  conditional(params: P, t: number, h: History): Float64Array;
  expected(params: P, t: number): number;
}

async function fitPurchaseModel<P>(model: PurchaseModel<P>, data: FitData, options: FitOptions): Promise<FittedModel> {
  const s = summaryColumns(data, model.title);
  const patterns = historiesOf(s, s.weight, (fraction) => {
    options.onProgress(0, `grouping customer histories (${Math.round(fraction * 100)}%)`);
    if (options.signal.aborted) throw new FitInterrupted();
  });
  const customers = patterns.weight.reduce((a, b) => a + b, 0);
  if (!s.frequency.some((x) => x > 0)) throw new NotFittable('no customer made a repeat purchase in calibration, so purchase rates and drop-out cannot be estimated.');
  const ll = lastPoint((v: number[]) => model.logLikelihood(model.toParams(v), patterns));
  const hasGradient = ll(model.names.map(() => 1)).gradient !== undefined;
  const fit = await fitPositive(model.names, (v) => ll(v).value, options, customers, hasGradient ? (v) => ll(v).gradient! : undefined);
  const params = model.toParams(fit.estimates);
  const conditional = (t: number, u: History) => model.conditional(params, t, u);
  return {
    ...noPredictions,
    ...fit,
    role: 'purchase',
    customers,
    pAlive: (h) => perHistory(h, (u) => model.pAlive(params, u)),
    conditionalExpectedPurchases: (t, h) => perHistory(h, (u) => conditional(t, u)),
    expectedPurchases: (t) => model.expected(params, t),
    discountedExpectedPurchases: (horizon, rate, h, period, checkpoint) => perHistory(h, (u) => discounted(horizon, rate, period, (t) => conditional(t, u), checkpoint)),
  };
}

const BG_NBD: PurchaseModel<BgNbdParams> = {
  title: 'BG/NBD',
  names: ['r', 'alpha', 'a', 'b'],
  toParams: ([r, alpha, a, b]) => ({ r, alpha, a, b }),
  logLikelihood: (p, patterns) => bgnbdLogLikelihood(p, patterns, true),
  pAlive: bgnbdPAlive,
  conditional: bgnbdConditional,
  expected: bgnbdExpected,
};

const MBG_NBD: PurchaseModel<BgNbdParams> = {
  ...BG_NBD,
  title: 'MBG/NBD',
  logLikelihood: (p, patterns) => ({ value: mbgnbdLogLikelihood(p, patterns) }),
  pAlive: mbgnbdPAlive,
  conditional: mbgnbdConditional,
  expected: mbgnbdExpected,
};

const BG_BB: PurchaseModel<BgBbParams> = {
  title: 'BG/BB',
  names: ['alpha', 'beta', 'gamma', 'delta'],
  toParams: ([alpha, beta, gamma, delta]) => ({ alpha, beta, gamma, delta }),
  logLikelihood: (p, patterns) => ({ value: bgbbLogLikelihood(p, patterns) }),
  pAlive: bgbbPAlive,
  conditional: bgbbConditional,
  expected: bgbbExpected,
};

const PARETO_NBD: PurchaseModel<ParetoNbdParams> = {
  title: 'Pareto/NBD',
  names: ['r', 'alpha', 's', 'beta'],
  toParams: ([r, alpha, s, beta]) => ({ r, alpha, s, beta }),
  logLikelihood: (p, patterns) => ({ value: paretoNbdLogLikelihood(p, patterns) }),
  pAlive: paretoNbdPAlive,
  conditional: paretoNbdConditional,
  expected: paretoNbdExpected,
};

async function fitGammaGamma(data: FitData, options: FitOptions): Promise<FittedModel> {
  const s = summaryColumns(data, 'Gamma-Gamma');
  if (!s.monetary) throw new NotFittable('the data has no spend amounts.');
  const keep: number[] = [];
  for (let i = 0; i < s.frequency.length; i++) if (s.frequency[i] > 0 && s.monetary[i] > 0) keep.push(i);
  if (keep.length < 2) throw new NotFittable('fewer than two customers made a repeat purchase with a positive amount.');
  // Mean spends are continuous: customers rarely share one, so no pattern compression.
  const patterns = rowsAsPatterns([Float64Array.from(keep, (i) => s.frequency[i]), Float64Array.from(keep, (i) => s.monetary![i])], s.weight ? Float64Array.from(keep, (i) => s.weight![i]) : null);
  const customers = patterns.weight.reduce((a, b) => a + b, 0);
  const toParams = ([p, q, gamma]: number[]): GammaGammaParams => ({ p, q, gamma });
  const ll = lastPoint((v: number[]) => gammaGammaLogLikelihood(toParams(v), patterns));
  const fit = await fitPositive(['p', 'q', 'gamma'], (v) => ll(v).value, options, customers, (v) => ll(v).gradient);
  const params = toParams(fit.estimates);
  return {
    ...noPredictions,
    ...fit,
    role: 'spend',
    customers,
    expectedSpend: (summary: CustomerSummary) => gammaGammaExpectedSpend(params, summary.frequency, summary.monetary ?? new Float64Array(summary.frequency.length).fill(NaN)),
  };
}

async function fitSbg(data: FitData, options: FitOptions): Promise<FittedModel> {
  if (data.kind !== 'cohorts') throw new NotFittable('sBG needs a cohort source (survivors per period).');
  const fits: { cohort: { name: string; survivors: Float64Array }; fit: Awaited<ReturnType<typeof fitPositive>>; params: SbgParams }[] = [];
  for (const cohort of data.cohorts) {
    const calibration = options.fitPeriods ? cohort.survivors.subarray(0, options.fitPeriods + 1) : cohort.survivors;
    const fit = await fitPositive(['alpha', 'beta'], ([alpha, beta]) => sbgLogLikelihood({ alpha, beta }, calibration), options, cohort.survivors[0]);
    fits.push({ cohort, fit, params: { alpha: fit.estimates[0], beta: fit.estimates[1] } });
  }
  const named = fits.length > 1;
  return {
    ...noPredictions,
    role: 'retention',
    parameters: fits.flatMap(({ cohort, fit }) => fit.parameters.map((p) => ({ ...p, name: named ? `${p.name} (${cohort.name})` : p.name }))),
    logLikelihood: fits.reduce((s, f) => s + f.fit.logLikelihood, 0),
    converged: fits.every((f) => f.fit.converged),
    message: fits.find((f) => f.fit.message)?.fit.message,
    iterations: fits.reduce((s, f) => s + f.fit.iterations, 0),
    gradientNorm: Math.max(...fits.map((f) => f.fit.gradientNorm)),
    ms: fits.reduce((s, f) => s + f.fit.ms, 0),
    customers: fits.reduce((s, f) => s + f.cohort.survivors[0], 0),
    cohortValues: ({ payment, horizon, discount }) => ({
      names: fits.map((f) => f.cohort.name),
      // A payment at the start of each period the subscriber is still there, discounted.
      values: Float64Array.from(fits, (f) => {
        let v = 0;
        for (let t = 0; t < horizon; t++) v += (payment * sbgSurvival(f.params, t)) / Math.pow(1 + discount, t);
        return v;
      }),
    }),
    survivalCurves: () =>
      fits.map((f) => ({
        name: f.cohort.name,
        observed: f.cohort.survivors.map((n) => n / f.cohort.survivors[0]),
        fitted: Float64Array.from({ length: f.cohort.survivors.length + 5 }, (_, t) => sbgSurvival(f.params, t)),
      })),
  };
}

const FITTERS: Record<string, (data: FitData, options: FitOptions) => Promise<FittedModel>> = {
  bgnbd: (data, options) => fitPurchaseModel(BG_NBD, data, options),
  pareto_nbd: (data, options) => fitPurchaseModel(PARETO_NBD, data, options),
  bgbb: (data, options) => fitPurchaseModel(BG_BB, data, options),
  mbgnbd: (data, options) => fitPurchaseModel(MBG_NBD, data, options),
  gamma_gamma: fitGammaGamma,
  sbg: fitSbg,
};

export const modelsLibrary: ModelsPort = {
  summariseTransactions,
  async fitModel(kind, data, options) {
    const fitter = FITTERS[kind];
    if (!fitter) throw new Error(`the ${kind} model is not implemented in this kernel yet (available: ${Object.keys(FITTERS).join(', ')}).`);
    return fitter(data, options);
  },
};
