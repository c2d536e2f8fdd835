// `clvnb diff` for the terminal: per segments block a headline, the changed rules as
// before/after lines, and the customer and value migration matrices.
import { formatInteger, formatMoney } from '../../report/format';
import { textTable } from '../text-table';
import { headline, matrixRows, ruleLines, type DiffReport, type SegmentsDiff } from './diff-report';

function renderBlock(diff: SegmentsDiff, revision: string): string {
  const parts = [`segments ${diff.name} on ${diff.valueMetric}: ${headline(diff)}`];
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
    const header = [`${revision} \\ now`, ...m.to, 'Total'];
    parts.push('  customers (rows: segment at ' + revision + ', columns: segment now):');
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
  if (report.segments.length === 0) return `${report.notebook}: no segments blocks at ${report.revision} or now\n`;
  return report.segments.map((s) => renderBlock(s, report.revision)).join('\n\n') + '\n';
}
