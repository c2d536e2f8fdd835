// Transaction log → per-customer calibration summary (x, t_x, T, spend, dates) and holdout
// actuals. Same-day purchases are one transaction (their amounts add up), as in the BTYD
// literature. Customers whose first purchase falls after the calibration end are excluded
// and counted.
import type { TransactionLog } from '../../data';
import type { CustomerSummary, SummaryOptions } from '../models-port';
import { rowsByCustomerAndTime } from '../transactions';

export function summariseTransactions(log: TransactionLog, options: SummaryOptions): CustomerSummary {
  const { calibrationEnd, holdoutEnd, unitDays } = options;
  const order = rowsByCustomerAndTime(log);
  const n = log.customerIds.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const first = new Float64Array(n).fill(NaN);
  const last = new Float64Array(n);
  const total = new Float64Array(n);
  const repeatSpend = new Float64Array(n);
  const hx = new Float64Array(n);
  const hSpend = new Float64Array(n);
  const amount = log.amount;
  let prevCustomer = -1;
  let prevDay = NaN;
  for (let j = 0; j < order.length; j++) {
    if ((j & 0xffff) === 0) options.checkpoint?.(j / order.length);
    const i = order[j];
    const c = log.customer[i];
    const day = Math.floor(log.time[i]);
    const a = amount ? amount[i] : 0;
    const newDay = c !== prevCustomer || day !== prevDay;
    if (c !== prevCustomer) first[c] = day;
    prevCustomer = c;
    prevDay = day;
    if (day <= calibrationEnd) {
      if (newDay && day !== first[c]) x[c]++;
      if (day !== first[c]) repeatSpend[c] += a;
      last[c] = day;
      total[c] += a;
    } else if (holdoutEnd !== null && day <= holdoutEnd && first[c] <= calibrationEnd) {
      if (newDay) hx[c]++;
      hSpend[c] += a;
    }
  }
  // Keep customers who started in calibration.
  const keep: number[] = [];
  for (let c = 0; c < n; c++) if (first[c] <= calibrationEnd) keep.push(c);
  const pick = (values: Float64Array) => Float64Array.from(keep, (c) => values[c]);
  for (const c of keep) {
    tx[c] = (last[c] - first[c]) / unitDays;
    T[c] = (calibrationEnd - first[c]) / unitDays;
  }
  const frequency = pick(x);
  return {
    customerIds: keep.map((c) => log.customerIds[c]),
    frequency,
    recency: pick(tx),
    T: pick(T),
    monetary: amount ? Float64Array.from(keep, (c) => (x[c] > 0 ? repeatSpend[c] / x[c] : NaN)) : null,
    totalSpend: amount ? pick(total) : null,
    firstPurchase: pick(first),
    lastPurchase: pick(last),
    holdoutPurchases: holdoutEnd === null ? null : pick(hx),
    holdoutSpend: holdoutEnd === null || !amount ? null : pick(hSpend),
    excludedCustomers: n - keep.length,
    log,
  };
}
