// Rows that could not be read: counted per reason, with the first few line numbers of each,
// so the source's output says exactly what was dropped and where to look.

export interface RejectGroup {
  reason: string;
  count: number;
  /** 1-based line numbers of the first rows rejected for this reason. */
  lines: number[];
}

const FIRST_LINES = 5;

export class Rejects {
  private readonly groups = new Map<string, RejectGroup>();

  add(reason: string, line: number): void {
    let g = this.groups.get(reason);
    if (!g) this.groups.set(reason, (g = { reason, count: 0, lines: [] }));
    g.count++;
    if (g.lines.length < FIRST_LINES) g.lines.push(line);
  }

  get total(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }

  list(): RejectGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}
