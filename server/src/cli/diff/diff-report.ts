// The result of `clvnb diff`, independent of how it is printed: per segments block, the rule
// changes and the migration matrix of customers and value between the two revisions.
import { formatInteger, formatMoney, formatShare } from '../../report/format';
import type { MigrationMatrix } from './migration';
import type { RuleChange } from './rule-changes';

export interface SegmentsDiff {
  name: string;
  /** The value metric the segments are measured on (e.g. clv). */
  valueMetric: string;
  /** `added`/`removed`: the block exists at only one revision (no matrix then). */
  status: 'compared' | 'added' | 'removed';
  rules: RuleChange[];
  matrix?: MigrationMatrix;
}

export interface DiffReport {
  revision: string;
  notebook: string;
  segments: SegmentsDiff[];
}

/** The matrix with a Total column and row appended, as printable rows (label first). */
export function matrixRows(labels: string[], cells: number[][], format: (v: number) => string): string[][] {
  const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = cells[0]?.map((_, j) => cells.reduce((a, r) => a + r[j], 0)) ?? [];
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  return [
    ...cells.map((r, i) => [labels[i], ...r.map(format), format(rowTotals[i])]),
    ['Total', ...columnTotals.map(format), format(grand)],
  ];
}

/** "312 of 2,357 customers (13.2%) change segment, carrying 12,345.67 of predicted clv." */
export function headline(diff: SegmentsDiff): string {
  if (diff.status === 'added') return 'New segments block (not present at the old revision).';
  if (diff.status === 'removed') return 'Segments block removed.';
  const m = diff.matrix!;
  const share = m.customers ? formatShare(m.moved / m.customers) : formatShare(0);
  return `${formatInteger(m.moved)} of ${formatInteger(m.customers)} customers (${share}) change segment, carrying ${formatMoney(m.movedValue)} of predicted ${diff.valueMetric}.`;
}

/** One rule change as "before" and "after" rule lines (either may be absent). */
export function ruleLines(change: RuleChange): { before?: string; after?: string; note?: string } {
  const rule = (condition: string) =>
    `"${change.label}" ${condition === 'otherwise' ? 'otherwise' : `when ${condition}`}`;
  switch (change.kind) {
    case 'changed':
      return { before: rule(change.before), after: rule(change.after) };
    case 'added':
      return { after: rule(change.after), note: `added as rule ${change.position}` };
    case 'removed':
      return { before: rule(change.before), note: 'removed' };
    case 'moved':
      return { note: `"${change.label}" moved from rule ${change.from} to rule ${change.to}` };
  }
}
