// The text a `source` cell shows: how many rows were read, rejected (why, and the first
// lines of each reason) and filtered, then what the data holds (customers, date range,
// spend). Every row that does not reach the models is accounted for here.
import { isoDate } from '../table-payload';

export interface RejectGroup {
  reason: string;
  count: number;
  /** 1-based line numbers of the first few rows rejected for this reason. */
  lines: number[];
}

export interface LoadCounts {
  file: string;
  rowsRead: number;
  rejected: RejectGroup[];
  /** Rows dropped by `where` filters. */
  filtered: number;
}

const n = (x: number) => x.toLocaleString('en-US');

export function loadCountLines(c: LoadCounts): string[] {
  const rejected = c.rejected.reduce((s, g) => s + g.count, 0);
  const lines = [
    `${n(c.rowsRead)} rows read from ${c.file}, ${n(rejected)} rejected${c.filtered ? `, ${n(c.filtered)} filtered out by where` : ''}.`,
  ];
  for (const g of c.rejected) {
    const more = g.count > g.lines.length ? ', …' : '';
    lines.push(`  ${n(g.count)} × ${g.reason} (line${g.lines.length > 1 ? 's' : ''} ${g.lines.join(', ')}${more})`);
  }
  return lines;
}

/** Customers, date range and spend of a transaction log, in one pass. */
export function transactionLines(customers: number, time: Float64Array, amount: Float64Array | null): string[] {
  let first = Infinity;
  let last = -Infinity;
  let spend = 0;
  for (let i = 0; i < time.length; i++) {
    if (time[i] < first) first = time[i];
    if (time[i] > last) last = time[i];
    if (amount) spend += amount[i];
  }
  const range = time.length ? `, ${isoDate(first)} to ${isoDate(last)}` : '';
  const money = amount ? `; total spend ${spend.toLocaleString('en-US', { maximumFractionDigits: 2 })}` : '';
  return [`${n(time.length)} transactions by ${n(customers)} customers${range}${money}.`];
}
