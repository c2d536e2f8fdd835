// Walking a transaction log customer by customer, day by day, without building per-row
// objects: row indices ordered by (customer, time). Files usually arrive in that order
// already, and then nothing is sorted.
import type { TransactionLog } from '../data';

export function rowsByCustomerAndTime(log: TransactionLog): Uint32Array {
  const order = new Uint32Array(log.rows);
  let sorted = true;
  for (let i = 0; i < log.rows; i++) {
    order[i] = i;
    if (i > 0 && (log.customer[i] < log.customer[i - 1] || (log.customer[i] === log.customer[i - 1] && log.time[i] < log.time[i - 1]))) sorted = false;
  }
  if (sorted) return order;
  return order.sort((a, b) => log.customer[a] - log.customer[b] || log.time[a] - log.time[b]);
}
