// `clvnb diff` for the terminal: per segments block a headline, the changed rules as
// before/after lines, and the customer and value migration matrices.
import { formatInteger, formatMoney } from '../../report/format';
import { textTable } from '../text-table';
import {
  cellPlace,
  comparisonLines,
  headline,
  matrixRows,
  ruleLines,
  thenLabel,
  type DiffReport,
  type SegmentsDiff,
} from './diff-report';

function renderBlock(diff: SegmentsDiff, then: string): string {
  const place = cellPlace(diff);
  const parts = [`segments ${diff.name} on ${diff.valueMetric}${place ? ` (${place})` : ''}: ${headline(diff)}`];
  if (diff.rules.length) {
    parts.push('  rules changed:');
    for (const change of diff.rules) {
      const { before, after, note } = ruleLines(change);
      if (before) parts.push(`    - ${before}`);
      if (after) parts.push(`    + ${after}`);
      if (note && !(before && after)) parts.push(`      (${note})`);
    }
  } else {
    parts.push('  rules unchanged');
  }
  const m = diff.matrix;
  if (m) {
    const header = [`${then} \\ now`, ...m.to, 'Total'];
    parts.push(`  customers (rows: segment then (${then}), columns: segment now):`);
    parts.push(
      textTable(
        header,
        matrixRows(m.from, m.counts, (v) => formatInteger(v)),
        '    ',
      ),
    );
    parts.push(`  predicted ${diff.valueMetric}:`);
    parts.push(
      textTable(
        header,
        matrixRows(m.from, m.values, (v) => formatMoney(v)),
        '    ',
      ),
    );
  }
  return parts.join('\n');
}

export function renderDiffText(report: DiffReport): string {
  const header = comparisonLines(report).join('\n');
  if (report.segments.length === 0) return `${header}\n${report.notebook}: no segments blocks then or now\n`;
  const then = thenLabel(report);
  return [header, ...report.segments.map((s) => renderBlock(s, then))].join('\n\n') + '\n';
}
