// Rows that could not be read: counted per reason, with the first few physical line numbers
// and the row's text, so the source's output says exactly what was dropped and where to look.

export interface RejectExample {
  /** 1-based physical line in the file (record number for JSON lines, row for Parquet/Arrow). */
  line: number;
  /** The row as written (cut to 200 characters). */
  text: string;
}

export interface RejectGroup {
  reason: string;
  count: number;
  /** Line numbers of the first rows rejected for this reason (same as examples[].line). */
  lines: number[];
  examples: RejectExample[];
}

const FIRST_EXAMPLES = 5;
const MAX_TEXT = 200;

export class Rejects {
  private readonly groups = new Map<string, RejectGroup>();
  /** Customer code → reason of the customer's last rejected row (rows whose id was read). */
  readonly customers = new Map<number, string>();
  total = 0;

  /**
   * `text` is only called for the first few rows of a reason: most rejects cost no string.
   * `customer` is the row's customer code when its id was read before a later column failed.
   */
  add(reason: string, line: number, text: () => string, customer = -1): void {
    this.total++;
    if (customer >= 0) this.customers.set(customer, reason);
    let g = this.groups.get(reason);
    if (!g) this.groups.set(reason, (g = { reason, count: 0, lines: [], examples: [] }));
    g.count++;
    if (g.lines.length < FIRST_EXAMPLES) {
      g.lines.push(line);
      const t = text();
      g.examples.push({ line, text: t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…` : t });
    }
  }

  /** Most frequent reason first. */
  list(): RejectGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}
