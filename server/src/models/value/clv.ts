// Customer lifetime value of a purchase model + spend, as a discounted sum over periods:
//   CLV_i = margin · spend_i · Σ_{k=1..K} [E_i(t_k) - E_i(t_{k-1})] / (1 + d)^k,
// where E_i(t) is the conditional expected number of purchases in (T_i, T_i + t], t_k = k·period
// (the last period is cut at the horizon), and d is the discount rate per period, obtained from
// an annual rate by compounding: d = (1 + annual)^(period length in years) - 1. Purchases in
// period k are discounted from the END of that period (a conservative convention, as in
// lifetimes' customer_lifetime_value with its `freq`/`discount_rate` per period). See docs/models.md.
import type { History } from '../history';
import type { PurchaseModel } from '../purchase-model';
import { ratePerPeriod } from '../summary/units';

export interface ClvTerms {
  /** Horizon in model time units (e.g. 52 for a year when the summary is in weeks). */
  horizon: number;
  /** Length of one discounting period in model units (e.g. 365.2425/12/7 for a month in weeks). */
  period: number;
  /** Days per model unit (7 for weeks), to convert the annual rate. */
  unitDays: number;
  /** Annual discount rate, e.g. 0.1 for 10% per year. */
  annualDiscount: number;
  /** Share of spend that is margin (1 = revenue). */
  margin: number;
}

/**
 * When the CLV sum looks at the expectation: value = Σ_k factors[k] · (E(times[k]) − E(times[k−1])),
 * E(times[−1]) = 0. A plain expectation over t is the schedule { times: [t], factors: [1] }.
 */
export interface ExpectationSchedule {
  times: number[];
  factors: number[];
}

/** The period ends of the horizon (the last cut at the horizon) with each period's discount factor. */
export function discountSchedule(terms: Omit<ClvTerms, 'margin'>): ExpectationSchedule {
  if (!(terms.horizon > 0) || !(terms.period > 0))
    throw new RangeError(`CLV: horizon (${terms.horizon}) and period (${terms.period}) must be positive`);
  const d = ratePerPeriod(terms.annualDiscount, terms.period * terms.unitDays);
  const periods = Math.ceil(terms.horizon / terms.period - 1e-9);
  const times: number[] = [],
    factors: number[] = [];
  for (let k = 1; k <= periods; k++) {
    times.push(Math.min(k * terms.period, terms.horizon));
    factors.push(Math.pow(1 + d, -k));
  }
  return { times, factors };
}

/** Discounted expected purchases per customer over the horizon (the CLV without money). */
export function discountedExpectedPurchases(model: PurchaseModel, h: History, terms: ClvTerms): Float64Array {
  const { times, factors } = discountSchedule(terms);
  const n = h.frequency.length;
  const out = new Float64Array(n);
  let previous: Float64Array = new Float64Array(n);
  times.forEach((t, k) => {
    const cumulative = model.conditionalExpected(t, h);
    for (let i = 0; i < n; i++) out[i] += (cumulative[i] - previous[i]) * factors[k];
    previous = cumulative;
  });
  return out;
}

/** CLV per customer: margin × expected spend per purchase × discounted expected purchases. */
export function customerLifetimeValue(
  model: PurchaseModel,
  h: History,
  expectedSpend: Float64Array,
  terms: ClvTerms,
): Float64Array {
  const purchases = discountedExpectedPurchases(model, h, terms);
  for (let i = 0; i < purchases.length; i++) purchases[i] *= terms.margin * expectedSpend[i];
  return purchases;
}
