// Public API of the models library: customer summaries, BTYD model fitting (maximum likelihood on
// sufficient statistics), predictions, CLV, special functions and a seeded data generator.
// Plain functions on typed arrays; no Arquero, no vscode. Time is always in the unit of the summary
// (weeks by default; opportunities for BG/BB; periods of the cohort data for sBG).
// Conventions and formulas: docs/models.md.

// Summaries and sufficient statistics
export {
  summariseTransactions,
  summaryWarnings,
  EXCLUSION_CODES,
  type CustomerSummary,
  type SummaryOptions,
  type SummaryWarning,
} from './summary/build';
export { toPatterns, type Patterns } from './summary/patterns';
export { uniqueRows, type UniqueRows } from './summary/unique-rows';
export { gather } from './summary/gather';
export { UNIT_DAYS, convertDuration, ratePerPeriod, type TimeUnit } from './summary/units';
export type { History } from './history';

// Fitting: every fit returns FitResult { params, standardErrors, logLikelihood, converged,
// iterations, gradientNorm, message?, customers }; options { penalty?, maxIterations?, tolerance?,
// initial?, checkpoint? }.
export type { FitOptions, FitResult } from './optimize/mle';
export { Abandoned, PULSE_MASK, type Pulse } from './pulse';
export { fitBgNbd, bgnbdLogLik, type BgNbdParams } from './bgnbd/likelihood';
export { fitMbgNbd, mbgnbdLogLik, type MbgNbdParams } from './mbgnbd/likelihood';
export { fitParetoNbd, paretoNbdLogLik, type ParetoNbdParams } from './pnbd/likelihood';
export { fitBgBb, bgbbLogLik, type BgBbParams } from './bgbb/likelihood';
export {
  fitGammaGamma,
  gammaGammaLogLik,
  gammaGammaExpectedSpend,
  spendData,
  type GammaGammaParams,
  type SpendData,
  type SpendTerms,
} from './gammagamma/model';
export { replaying } from './optimize/replay';
export {
  fitSbg,
  sbgLogLik,
  sbgSurvival,
  sbgDiscountedLifetime,
  sbgDiscountedResidualLifetime,
  type SbgParams,
} from './sbg/model';

// Predictions, per model and through the common PurchaseModel interface
export {
  bgnbdPAlive,
  bgnbdConditionalExpected,
  bgnbdExpectedIfAlive,
  bgnbdExpected,
  bgnbdProbability,
  bgnbdPAliveAfter,
  bgnbdPNoPurchase,
} from './bgnbd/predict';
export {
  mbgnbdPAlive,
  mbgnbdConditionalExpected,
  mbgnbdExpectedIfAlive,
  mbgnbdExpected,
  mbgnbdPAliveAfter,
  mbgnbdPNoPurchase,
} from './mbgnbd/predict';
export {
  paretoPAlive,
  paretoConditionalExpected,
  paretoExpectedIfAlive,
  paretoExpected,
  paretoProbability,
  paretoPAliveAfter,
  paretoPNoPurchase,
} from './pnbd/predict';
export {
  bgbbPAlive,
  bgbbConditionalExpected,
  bgbbExpected,
  bgbbProbability,
  bgbbPAliveAfter,
  bgbbPNoPurchase,
} from './bgbb/predict';
export { bgnbdModel, mbgnbdModel, paretoNbdModel, bgbbModel, type PurchaseModel } from './purchase-model';

// Value and tracking
export {
  customerLifetimeValue,
  discountedExpectedPurchases,
  discountSchedule,
  type ClvTerms,
  type ExpectationSchedule,
} from './value/clv';
export { expectedCumulativeTransactions } from './value/tracking';

// Uncertainty: parameter intervals and parametric-bootstrap draws (log scale), pattern-level bootstrap
export { drawParameters, parameterIntervals, twoSidedZ, cholesky } from './uncertainty/draws';
export { bootstrapPatterns, quantilePair, type PatternBootstrap } from './uncertainty/bootstrap';
export { drawnPAlive, drawnExpected, type DrawnPrediction, type TabledKind } from './uncertainty/drawn-predictions';

// Special functions and synthetic data
export { hyp2f1, logAddExp, logSubExp, gammaln, betaln, gaussLegendre } from './special';
export { generateTransactions, transactionsToCsv, type GenerateOptions } from './generate/transactions';
export { seededRandom } from './generate/random';
