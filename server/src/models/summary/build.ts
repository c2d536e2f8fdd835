// Transaction log → per-customer RFM summary (the input of every purchase and spend model).
// Conventions follow lifetimes' summary_data_from_transaction_data and BTYD's dc.ElogToCbsCbt:
//  - purchases in the same merge period (a day by default) are ONE transaction, amounts summed;
//  - x = number of distinct purchase periods in calibration minus one (repeat transactions);
//  - times are taken at the start of their merge period; t_x = last - first, T = calibration end
//    (start of its day) - first, both divided by the unit length in days;
//  - monetary = mean spend of the repeat transactions (the first period excluded), 0 when x = 0;
//  - calibration includes the whole day of `calibrationEnd`; holdout runs from the next day to the
//    end of the `holdoutEnd` day; later rows are ignored (reported).
// Data policy (never silent, every case is counted in `warnings`): rows with an invalid time or
// customer are dropped; rows with a missing (NaN) amount are dropped; rows with amount 0 are kept
// as purchases (a free item or promotion is still a visit; BTYD and lifetimes count them too);
// rows with amount < 0 (returns, refunds) follow the `returns` policy (data/policy.ts): dropped
// (`exclude`, the default — they are not purchases), taken off the spend of the period they fall
// in without being purchases (`net`), or kept as purchase events (`keep`, amounts net into spend);
// exact duplicate rows (same customer, time and amount) are kept (two identical purchases on one
// day are plausible) but counted. Every customer of the log is either summarised or excluded for
// one reason (first purchase after the calibration end, only returns, no valid amount or date),
// each counted in `warnings`: summarised + excludedCustomers = the log's customers.
// Holdout purchases need no amount: a date-only log gets them like any other.
// Speed: one counting sort by customer into an Int32Array order, a per-customer sort by time of a
// few entries, no per-row objects or strings.
import type { TransactionLog } from '../../data/types';
import type { ReturnsPolicy } from '../../data/policy';
import { inTimeSlices } from '../../data/time-slices';
import { UNIT_DAYS, type TimeUnit } from './units';

export interface SummaryOptions {
  /** Days since epoch; the whole of that day is in calibration. Default: the last transaction's day. */
  calibrationEnd?: number;
  /** Days since epoch; end (inclusive day) of the holdout period, or null for none. */
  holdoutEnd?: number | null;
  /** Time unit of recency/T: a name or a length in days. Default weeks. */
  unit?: TimeUnit | number;
  /** Purchases within the same period of this many days are merged (1 = same day). */
  mergeDays?: number;
  /** Rows with a negative amount (see RETURNS_POLICIES in data/policy.ts); default `exclude`. */
  returns?: ReturnsPolicy;
  /** Called every few milliseconds (time-slices.ts) with the fraction of customers done; may throw to interrupt. */
  checkpoint?: (fraction: number) => void;
  /** Also list the day of every repeat purchase (for tracking curves); see `repeatPurchaseDays`. */
  repeatPurchaseDays?: boolean;
}

export interface SummaryWarning {
  code:
    | 'invalid-time'
    | 'invalid-customer'
    | 'missing-amount'
    | 'zero-amount'
    | 'negative-amount'
    | 'duplicate-rows'
    | 'after-end'
    | 'first-purchase-after-calibration'
    | 'only-after-end'
    | 'only-returns'
    | 'no-valid-amount'
    | 'no-valid-date';
  count: number;
  message: string;
}

export interface CustomerSummary {
  /** Ids of the summarised customers (excluded customers are not listed). */
  customerIds: string[];
  /** Index of each summarised customer into the log's customerIds. */
  customerIndex: Int32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Mean repeat-transaction spend (0 when x = 0); null when the log has no amounts. */
  monetary: Float64Array | null;
  /** Spend of all calibration transactions, first included. */
  totalSpend: Float64Array | null;
  /** Days since epoch of the first purchase and of the last calibration purchase. */
  firstPurchase: Float64Array;
  lastPurchase: Float64Array;
  holdoutPurchases: Float64Array | null;
  holdoutSpend: Float64Array | null;
  /**
   * With `options.repeatPurchaseDays`: the first day of the merge period of every repeat
   * purchase of the summarised customers, calibration and holdout, customer by customer (the
   * purchases `frequency` and `holdoutPurchases` count); otherwise null.
   */
  repeatPurchaseDays: Float64Array | null;
  /**
   * Customers whose first purchase is after the calibration end. The other customers left out
   * (only purchases after the end, only returns, no valid amount or date) are counted by their
   * warnings: the EXCLUSION_CODES warnings add up to every customer not summarised.
   */
  excludedCustomers: number;
  unitDays: number;
  calibrationEnd: number;
  holdoutEnd: number | null;
  warnings: SummaryWarning[];
}

/** The warnings that count excluded customers: with the summarised ones they add up to the log's. */
export const EXCLUSION_CODES: readonly SummaryWarning['code'][] = [
  'first-purchase-after-calibration',
  'only-after-end',
  'only-returns',
  'no-valid-amount',
  'no-valid-date',
];

// Why a customer's rows were dropped, as bits per customer (only set on the rare dropped rows).
const DROPPED_LATE = 1;
const DROPPED_RETURN = 2;
const DROPPED_NO_AMOUNT = 4;
const DROPPED_NO_DATE = 8;

export function summariseTransactions(log: TransactionLog, options: SummaryOptions = {}): CustomerSummary {
  const { customer, time, amount, rows } = log;
  const nCust = log.customerIds.length;
  const unitDays = typeof options.unit === 'number' ? options.unit : UNIT_DAYS[options.unit ?? 'weeks'];
  const merge = options.mergeDays ?? 1;
  if (!(unitDays > 0) || !(merge > 0))
    throw new RangeError(`summary: unit (${unitDays} days) and merge period (${merge} days) must be positive`);
  const returns = options.returns ?? 'exclude';
  const net = returns === 'net';
  const counts = { badTime: 0, badCustomer: 0, missingAmount: 0, zero: 0, negative: 0, afterEnd: 0, duplicates: 0 };

  // The passes over every row run in time slices, each with a checkpoint (progress stays at 0:
  // no customer is summarised yet), so an interrupt lands within ~SLICE_MS on any log size.
  const overRows = (work: (from: number, to: number) => void) =>
    inTimeSlices(rows, work, options.checkpoint && (() => options.checkpoint!(0)), 1 << 16);
  let lastDay = -Infinity;
  overRows((from, to) => {
    for (let i = from; i < to; i++) if (time[i] > lastDay && Number.isFinite(time[i])) lastDay = time[i];
  });
  const calEnd = options.calibrationEnd ?? Math.floor(lastDay);
  const holdoutEnd = options.holdoutEnd ?? null;
  const endExclusive = Math.floor(holdoutEnd ?? calEnd) + 1;
  const calExclusive = Math.floor(calEnd) + 1;

  // Counting sort of the usable rows by customer.
  const start = new Int32Array(nCust + 1);
  const usable = new Uint8Array(rows);
  const dropped = new Uint8Array(nCust);
  overRows((from, to) => {
    for (let i = from; i < to; i++) {
      const c = customer[i],
        t = time[i];
      if (!(c >= 0 && c < nCust)) {
        counts.badCustomer++;
        continue;
      }
      if (!Number.isFinite(t)) {
        counts.badTime++;
        dropped[c] |= DROPPED_NO_DATE;
        continue;
      }
      if (t >= endExclusive) {
        counts.afterEnd++;
        dropped[c] |= DROPPED_LATE;
        continue;
      }
      if (amount) {
        const a = amount[i];
        if (Number.isNaN(a) || !Number.isFinite(a)) {
          counts.missingAmount++;
          dropped[c] |= DROPPED_NO_AMOUNT;
          continue;
        }
        if (a === 0) counts.zero++;
        else if (a < 0) {
          counts.negative++;
          dropped[c] |= DROPPED_RETURN;
          if (returns === 'exclude') continue;
        }
      }
      usable[i] = 1;
      start[c + 1]++;
    }
  });
  for (let c = 0; c < nCust; c++) start[c + 1] += start[c];
  const order = new Int32Array(start[nCust]);
  const fill = start.slice(0, nCust);
  overRows((from, to) => {
    for (let i = from; i < to; i++) if (usable[i]) order[fill[customer[i]]++] = i;
  });

  const out = allocate(nCust, amount !== null, holdoutEnd !== null);
  // At most one repeat purchase per usable row.
  const repeatDays = options.repeatPurchaseDays ? new Float64Array(order.length) : null;
  let repeats = 0;
  let kept = 0,
    excluded = 0;
  const empty = { onlyAfterEnd: 0, onlyReturns: 0, noAmount: 0, noDate: 0 };
  const byTime = (i: number, j: number) => time[i] - time[j] || (amount ? amount[i] - amount[j] : 0);
  inTimeSlices(
    nCust,
    (from, to) => {
      for (let c = from; c < to; c++) {
        const lo = start[c],
          hi = start[c + 1];
        if (lo === hi) {
          // No usable row: say why, from what was dropped (bought only after the end, only returns...).
          const why = dropped[c];
          if (why & DROPPED_LATE) empty.onlyAfterEnd++;
          else if (why & DROPPED_NO_DATE) empty.noDate++;
          else if (why & DROPPED_NO_AMOUNT) empty.noAmount++;
          else empty.onlyReturns++;
          continue;
        }
        sortSegment(order, lo, hi, byTime);
        // With `net`, returns are usable rows (their amounts count) but not purchases.
        let firstAt = lo;
        if (net) while (firstAt < hi && amount![order[firstAt]] < 0) firstAt++;
        if (firstAt === hi) {
          if (dropped[c] & DROPPED_LATE) empty.onlyAfterEnd++;
          else empty.onlyReturns++;
          continue;
        }
        const first = order[firstAt];
        if (time[first] >= calExclusive) {
          excluded++;
          continue;
        }
        counts.duplicates += countDuplicates(order, lo, hi, time, amount);
        const firstPeriod = Math.floor(time[first] / merge);
        let periods = 0,
          lastPeriod = -Infinity,
          lastCalTime = time[first];
        let total = 0,
          firstSpend = 0,
          holdPeriods = 0,
          holdSpend = 0,
          lastHoldPeriod = -Infinity;
        for (let k = lo; k < hi; k++) {
          const row = order[k],
            t = time[row],
            period = Math.floor(t / merge),
            a = amount ? amount[row] : 0,
            purchase = !(net && a < 0);
          if (t < calExclusive) {
            if (purchase && period !== lastPeriod) {
              if (repeatDays && periods > 0) repeatDays[repeats++] = period * merge;
              periods++;
              lastPeriod = period;
            }
            if (purchase) lastCalTime = t;
            total += a;
            if (period <= firstPeriod) firstSpend += a;
          } else {
            if (purchase && period !== lastHoldPeriod && period !== lastPeriod) {
              if (repeatDays) repeatDays[repeats++] = period * merge;
              holdPeriods++;
              lastHoldPeriod = period;
            }
            holdSpend += a;
          }
        }
        const x = periods - 1;
        out.customerIndex[kept] = c;
        out.frequency[kept] = x;
        out.recency[kept] = ((lastPeriod - firstPeriod) * merge) / unitDays;
        out.T[kept] = (Math.floor(calEnd) - firstPeriod * merge) / unitDays;
        out.firstPurchase[kept] = time[first];
        out.lastPurchase[kept] = lastCalTime;
        if (out.monetary && out.totalSpend) {
          out.totalSpend[kept] = total;
          // Netted returns may outweigh the purchases of a period: spend never goes below 0.
          out.monetary[kept] = x > 0 ? Math.max(0, total - Math.max(0, firstSpend)) / x : 0;
        }
        if (out.holdoutPurchases) out.holdoutPurchases[kept] = holdPeriods;
        if (out.holdoutSpend) out.holdoutSpend[kept] = holdSpend;
        kept++;
      }
    },
    options.checkpoint,
  );
  // Views, not copies: copying ten columns of every customer held the thread for ~100 ms per
  // million rows with no checkpoint; the unused tails (excluded customers) are small.
  const cut = <A extends Float64Array | Int32Array | null>(a: A): A => (a ? (a.subarray(0, kept) as A) : a);
  // A plain loop: Array.from with a mapping function is several times slower on a first (cold) run.
  const customerIds = new Array<string>(kept);
  for (let k = 0; k < kept; k++) customerIds[k] = log.customerIds[out.customerIndex[k]];
  return {
    customerIds,
    customerIndex: cut(out.customerIndex),
    frequency: cut(out.frequency),
    recency: cut(out.recency),
    T: cut(out.T),
    monetary: cut(out.monetary),
    totalSpend: cut(out.totalSpend),
    firstPurchase: cut(out.firstPurchase),
    lastPurchase: cut(out.lastPurchase),
    holdoutPurchases: cut(out.holdoutPurchases),
    holdoutSpend: cut(out.holdoutSpend),
    repeatPurchaseDays: repeatDays && repeatDays.subarray(0, repeats),
    excludedCustomers: excluded,
    unitDays,
    calibrationEnd: calEnd,
    holdoutEnd,
    warnings: summaryWarnings(counts, excluded, empty, returns),
  };
}

function allocate(n: number, withAmount: boolean, withHoldout: boolean) {
  return {
    customerIndex: new Int32Array(n),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    firstPurchase: new Float64Array(n),
    lastPurchase: new Float64Array(n),
    monetary: withAmount ? new Float64Array(n) : null,
    totalSpend: withAmount ? new Float64Array(n) : null,
    holdoutPurchases: withHoldout ? new Float64Array(n) : null,
    holdoutSpend: withHoldout && withAmount ? new Float64Array(n) : null,
  };
}

/** Sorts order[lo, hi) by time (then amount): insertion sort for the usual handful of rows. */
function sortSegment(order: Int32Array, lo: number, hi: number, cmp: (i: number, j: number) => number): void {
  if (hi - lo > 32) {
    order.set(Array.from(order.subarray(lo, hi)).sort(cmp), lo);
    return;
  }
  for (let k = lo + 1; k < hi; k++) {
    const v = order[k];
    let j = k - 1;
    while (j >= lo && cmp(order[j], v) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = v;
  }
}

/** Rows equal to the previous one in time and amount (segment sorted by both). */
function countDuplicates(
  order: Int32Array,
  lo: number,
  hi: number,
  time: Float64Array,
  amount: Float64Array | null,
): number {
  let d = 0;
  for (let k = lo + 1; k < hi; k++)
    if (time[order[k]] === time[order[k - 1]] && (!amount || amount[order[k]] === amount[order[k - 1]])) d++;
  return d;
}

/** The summary's warnings from its counts (also what a SQL engine's summary reports, from counts made in SQL). */
export function summaryWarnings(
  c: {
    badTime: number;
    badCustomer: number;
    missingAmount: number;
    zero: number;
    negative: number;
    afterEnd: number;
    duplicates: number;
  },
  excluded: number,
  empty: { onlyAfterEnd: number; onlyReturns: number; noAmount: number; noDate: number },
  returns: ReturnsPolicy,
): SummaryWarning[] {
  const w: SummaryWarning[] = [];
  const add = (code: SummaryWarning['code'], count: number, message: string) => {
    if (count > 0) w.push({ code, count, message });
  };
  add('invalid-time', c.badTime, `${c.badTime} rows with an invalid date were dropped`);
  add('invalid-customer', c.badCustomer, `${c.badCustomer} rows with an invalid customer index were dropped`);
  add('missing-amount', c.missingAmount, `${c.missingAmount} rows with a missing or infinite amount were dropped`);
  add('zero-amount', c.zero, `${c.zero} rows with amount 0 were kept as purchases (they lower mean spend)`);
  add(
    'negative-amount',
    c.negative,
    returns === 'keep'
      ? `${c.negative} rows with a negative amount were kept as purchases (amounts net into spend)`
      : returns === 'net'
        ? `${c.negative} rows with a negative amount (returns) were taken off their customer's spend, not counted as purchases`
        : `${c.negative} rows with a negative amount (returns) were dropped: not purchases`,
  );
  add(
    'duplicate-rows',
    c.duplicates,
    `${c.duplicates} rows repeat another row exactly (customer, time, amount); kept, merged into the same day's purchase`,
  );
  add('after-end', c.afterEnd, `${c.afterEnd} rows after the end of the observation period were ignored`);
  add(
    'first-purchase-after-calibration',
    excluded,
    `${excluded} customers first bought after the calibration end and were excluded`,
  );
  add(
    'only-after-end',
    empty.onlyAfterEnd,
    `${empty.onlyAfterEnd} customers bought only after the end of the observation period and were excluded`,
  );
  add(
    'only-returns',
    empty.onlyReturns,
    `${empty.onlyReturns} customers have only returns (negative amounts) and were excluded`,
  );
  add('no-valid-amount', empty.noAmount, `${empty.noAmount} customers have no valid amount and were excluded`);
  add('no-valid-date', empty.noDate, `${empty.noDate} customers have no valid date and were excluded`);
  return w;
}
