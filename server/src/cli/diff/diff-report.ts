// The result of `clvnb diff`, independent of how it is printed: per segments block, the rule
// changes and the migration matrix of customers and value between the two revisions.
import { formatInteger, formatMoney, formatShare } from '../../report/format';
import type { MigrationMatrix } from './migration';
import type { DataSnapshot } from './data-snapshot';
import type { RuleChange } from './rule-changes';

export interface SegmentsDiff {
  name: string;
  /** The value metric the segments are measured on (e.g. clv). */
  valueMetric: string;
  /** `added`/`removed`: the block exists at only one revision (no matrix then). */
  status: 'compared' | 'added' | 'removed';
  rules: RuleChange[];
  matrix?: MigrationMatrix;
  /** Where the block is now: its code cell (1-based, as `clvnb run` numbers them) and file line. */
  cell?: { number: number; line: number };
}

/** "cell 4, line 52": where a block is in today's notebook (empty when it is not there). */
export function cellPlace(diff: SegmentsDiff): string {
  return diff.cell ? `cell ${diff.cell.number}, line ${diff.cell.line}` : '';
}

export interface DiffReport {
  /** The git revision of the "then" side's notebook; undefined when both sides run today's. */
  revision?: string;
  /** Sources that read another file on the "then" side (empty: both sides read today's data). */
  snapshots: DataSnapshot[];
  notebook: string;
  segments: SegmentsDiff[];
}

/** What "then" is, in a few words for matrix headers: `HEAD~1`, `old data`, `HEAD~1, old data`. */
export function thenLabel(report: DiffReport): string {
  return [report.revision, report.snapshots.length ? 'old data' : undefined].filter(Boolean).join(', ');
}

/**
 * Which comparison this is, said before anything else, so a reader never mistakes a change
 * of data for a change of rules: rules at a revision vs now on today's data, the same rules
 * on two data snapshots, or both at once.
 */
export function comparisonLines(report: DiffReport, code = (text: string) => text): string[] {
  const rules = report.revision
    ? `Rules: as at ${code(report.revision)} (then) against the working tree (now).`
    : 'Rules: the same on both sides (the working tree).';
  const data = report.snapshots.length
    ? report.snapshots.map(
        (s) => `Data: source ${code(s.source)} reads ${code(s.then)} (then) and ${code(s.now)} (now).`,
      )
    : ['Data: the same on both sides (the files the notebook reads now).'];
  return [rules, ...data];
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
