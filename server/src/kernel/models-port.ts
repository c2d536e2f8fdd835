// What the kernel needs from the models library, stated once. The evaluators are written
// against this port; kernel.ts plugs in the models library through a thin adapter. Plain
// typed arrays in and out (no Arquero in the models library, per the project brief).
import type { TransactionLog } from '../data';
import type { CustomerSummary as LibrarySummary, Pulse } from '../models';

/** Summary warnings that count excluded customers (the library's, passed through). */
export { EXCLUSION_CODES, summaryWarnings, type SummaryWarning } from '../models';
import type { ReturnsPolicy } from '../data/policy';

/**
 * Per-customer calibration summary of a split: the models library's (one entry per customer,
 * same order throughout), with `monetary` NaN where a customer has no repeat purchase to
 * average, and always with the days of the repeat purchases (for tracking curves).
 */
export type CustomerSummary = LibrarySummary & { repeatPurchaseDays: Float64Array };

export interface SummaryOptions {
  /** Days since epoch; purchases on that day are in calibration. */
  calibrationEnd: number;
  holdoutEnd: number | null;
  /** Length of the time unit in days (7 for weeks). */
  unitDays: number;
  /** What negative amounts mean (the source's `returns`). */
  returns: ReturnsPolicy;
  /** Called every so many rows: reports progress, and throws to stop when interrupted. */
  checkpoint?: (fraction: number) => void;
}

/** Minimal per-customer history a purchase model scores (a grid of hypothetical customers works too). */
export interface History {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
}

export type FitData =
  | { kind: 'summary'; summary: CustomerSummary }
  | {
      kind: 'summary';
      frequency: Float64Array;
      recency: Float64Array;
      age: Float64Array;
      monetary: Float64Array | null;
      weight: Float64Array | null;
    }
  | { kind: 'cohorts'; periods: Float64Array; cohorts: { name: string; survivors: Float64Array }[] }
  | SpendSums;

/**
 * Spend data held elsewhere (a SQL engine), for Gamma-Gamma: per distinct x (ascending) the
 * customers with a repeat purchase and a positive mean spend and their Σ ln m̄, and the sums
 * over those customers at any γ (per x, in the same order). The fit is the in-memory fit's,
 * made of the same sums.
 */
export interface SpendSums {
  kind: 'spend-sums';
  frequency: Float64Array;
  customers: Float64Array;
  lnMean: Float64Array;
  terms(gamma: number): Promise<{ ln: Float64Array; inverse: Float64Array }>;
}

export interface FitOptions {
  penalty?: number;
  maxIterations?: number;
  tolerance?: number;
  /** sBG: fit on periods 0..fitPeriods only, holding the rest out to judge the projection. */
  fitPeriods?: number;
  signal: AbortSignal;
  onProgress: (fraction: number, message: string) => void;
  /** Called inside every likelihood pass: throws when the run was interrupted (see models/pulse.ts). */
  pulse?: Pulse;
  /** Score with these saved parameters instead of fitting (a model's `frozen` option). */
  frozen?: FrozenParameters;
}

/** A saved fit's parameters (natural scale, in the library's order), standard errors and log-scale covariance. */
export interface FrozenParameters {
  parameters: Record<string, number>;
  standardErrors: Record<string, number | null>;
  logCovariance: number[][] | null;
}

/** How parametric-bootstrap intervals are drawn: two-sided level (0.9), number of parameter draws, seed. */
export interface IntervalOptions {
  level: number;
  draws: number;
  seed: number;
}

/** A per-customer prediction of a purchase model, as the bootstrap evaluates it at each draw. */
export type Prediction =
  | { kind: 'p_alive' }
  | { kind: 'expected'; t: number }
  | { kind: 'discounted'; horizon: number; ratePerUnit: number; period: number };

/** Customers in groups (segments), each customer counted with a weight (e.g. margin × spend), for totals per draw. */
export interface TotalGroups {
  /** Group of each customer, -1 for none. */
  of: Int32Array;
  count: number;
  weight?: Float64Array;
}

export interface PredictionIntervals {
  low: Float64Array;
  high: Float64Array;
  /** Per group, the bounds of Σ weight × prediction over its customers across the draws. */
  totals: { low: number; high: number }[];
}

export interface FittedModel {
  role: 'purchase' | 'spend' | 'retention';
  /** In the library's names; an sBG fitted on several cohorts has each parameter once per `cohort`. */
  parameters: { name: string; cohort?: string; estimate: number; standardError: number | null }[];
  logLikelihood: number;
  converged: boolean;
  message?: string;
  iterations: number;
  gradientNorm: number;
  ms: number;
  /** Customers (or cohort members) the fit used. */
  customers: number;
  /** Covariance of the log-parameters, in the order of `parameters` (what a saved fit keeps); null if singular. */
  logCovariance: number[][] | null;
  /** Intervals of the parameters at `level` (normal on the log scale, transformed back); null without a covariance. */
  parameterIntervals(level: number): { low: number; high: number }[] | null;
  // Purchase models:
  /**
   * Parametric-bootstrap bounds of a prediction per customer (parameters drawn from the fit's
   * asymptotic distribution on the log scale, evaluated once per unique history), and of totals
   * over groups of customers; throws when the fit has no covariance.
   */
  predictionIntervals(
    prediction: Prediction,
    h: History,
    options: IntervalOptions,
    groups?: TotalGroups,
    checkpoint?: (fraction: number) => void,
  ): PredictionIntervals;
  pAlive(h: History, checkpoint?: (fraction: number) => void): Float64Array;
  /** Expected purchases in the next `t` units given each history. */
  conditionalExpectedPurchases(t: number, h: History, checkpoint?: (fraction: number) => void): Float64Array;
  /** P(alive `t` units after the end of calibration) given each history. */
  pAliveAfter(t: number, h: History, checkpoint?: (fraction: number) => void): Float64Array;
  /** P(no purchase in the next `t` units) given each history. */
  pNoPurchase(t: number, h: History, checkpoint?: (fraction: number) => void): Float64Array;
  /**
   * Expected cumulative repeat purchases of the summarised customers at the end of each of
   * `periods` units after the earliest first purchase (BTYD's ExpectedCumulativeTransactions;
   * `T` the customers' ages at the calibration end, which is the same date for all).
   */
  expectedCumulativeRepeats(T: Float64Array, periods: number): Float64Array;
  /**
   * Expected purchases over `horizon` units, counted per `period` units (e.g. a month) and
   * discounted from each period's end at `ratePerUnit`.
   */
  discountedExpectedPurchases(
    horizon: number,
    ratePerUnit: number,
    h: History,
    period: number,
    checkpoint?: (fraction: number) => void,
  ): Float64Array;
  // Spend models:
  expectedSpend(s: CustomerSummary): Float64Array;
  // Retention models:
  cohortValues(terms: { payment: number; horizon: number; discount: number }): {
    names: string[];
    values: Float64Array;
  };
  survivalCurves(): { name: string; observed: Float64Array; fitted: Float64Array }[];
}

export interface ModelsPort {
  summariseTransactions(log: TransactionLog, options: SummaryOptions): CustomerSummary;
  fitModel(kind: string, data: FitData, options: FitOptions): Promise<FittedModel>;
}
