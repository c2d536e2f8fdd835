// The numbers of a model comparison on a holdout, from plain arrays: fit criteria (AIC, BIC),
// holdout totals and per-customer errors, and the error by decile of predicted purchases.
// Separate from the evaluator so that a test can check them against hand computation.

export interface FitCriteria {
  logLikelihood: number;
  parameters: number;
  /** Customers the fit used (the n of BIC). */
  customers: number;
}

/** Akaike's criterion, 2k − 2·LL: lower is better. */
export const aic = (f: FitCriteria) => 2 * f.parameters - 2 * f.logLikelihood;
/** Schwarz's Bayesian criterion, k·ln(n) − 2·LL: lower is better; penalises parameters more on large data. */
export const bic = (f: FitCriteria) => f.parameters * Math.log(f.customers) - 2 * f.logLikelihood;

export interface HoldoutErrors {
  expectedTotal: number;
  actualTotal: number;
  /** (expected − actual) / actual, as a fraction; NaN when no purchase was made in the holdout. */
  totalError: number;
  /** Mean absolute error of each customer's holdout purchases. */
  mae: number;
  /** Root mean squared error of each customer's holdout purchases. */
  rmse: number;
}

export function holdoutErrors(expected: ArrayLike<number>, actual: ArrayLike<number>): HoldoutErrors {
  let expectedTotal = 0,
    actualTotal = 0,
    absolute = 0,
    squared = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] - actual[i];
    expectedTotal += expected[i];
    actualTotal += actual[i];
    absolute += Math.abs(e);
    squared += e * e;
  }
  const n = expected.length;
  return {
    expectedTotal,
    actualTotal,
    totalError: actualTotal > 0 ? (expectedTotal - actualTotal) / actualTotal : NaN,
    mae: absolute / n,
    rmse: Math.sqrt(squared / n),
  };
}

export interface DecileRow {
  /** 1 = the tenth of customers with the most predicted purchases. */
  decile: number;
  customers: number;
  predicted: number;
  actual: number;
}

/**
 * Customers ranked by predicted purchases (most first, ties in customer order) and cut into
 * ten groups of equal size (the first groups take one more when the count does not divide):
 * mean predicted and mean actual holdout purchases per group.
 */
export function errorByDecile(expected: ArrayLike<number>, actual: ArrayLike<number>, groups = 10): DecileRow[] {
  const n = expected.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => expected[b] - expected[a] || a - b);
  const rows: DecileRow[] = [];
  let start = 0;
  for (let g = 0; g < groups && start < n; g++) {
    const size = Math.floor(n / groups) + (g < n % groups ? 1 : 0);
    let predicted = 0,
      purchases = 0;
    for (let r = start; r < start + size; r++) {
      predicted += expected[order[r]];
      purchases += actual[order[r]];
    }
    if (size > 0) rows.push({ decile: g + 1, customers: size, predicted: predicted / size, actual: purchases / size });
    start += size;
  }
  return rows;
}
