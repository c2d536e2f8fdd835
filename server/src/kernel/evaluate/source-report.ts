// The text a `source` cell shows: how many rows were read, rejected (why, and the first
// lines of each reason) and filtered, then what the data holds (customers, date range,
// spend). Every row that does not reach the models is accounted for here.
import { isoDate } from '../../data';

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
    // Rows of a table have no line numbers: only files say where to look.
    const where = g.lines.length ? ` (line${g.lines.length > 1 ? 's' : ''} ${g.lines.join(', ')}${more})` : '';
    lines.push(`  ${n(g.count)} × ${g.reason}${where}`);
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
  return [transactionLine({ rows: time.length, customers, first, last, spend: amount ? spend : null })];
}

/** `N transactions by C customers, FIRST to LAST; total spend S.`, from counts an engine computed. */
export function transactionLine(t: {
  rows: number;
  customers: number;
  first: number;
  last: number;
  spend: number | null;
}): string {
  const range = t.rows ? `, ${isoDate(t.first)} to ${isoDate(t.last)}` : '';
  const money =
    t.spend !== null ? `; total spend ${t.spend.toLocaleString('en-US', { maximumFractionDigits: 2 })}` : '';
  return `${n(t.rows)} transactions by ${n(t.customers)} customers${range}${money}.`;
}
