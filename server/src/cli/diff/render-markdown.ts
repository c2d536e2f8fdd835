// `clvnb diff --markdown`: the same content as a pull-request comment. Rule changes as a
// `diff` code block (red/green on GitHub), matrices as Markdown tables. Labels come from
// the notebook, so table-breaking and markup characters in them are escaped.
import { formatInteger, formatMoney } from '../../report/format';
import { headline, matrixRows, ruleLines, type DiffReport, type SegmentsDiff } from './diff-report';

const cell = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/`/g, '\\`');

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, j) => (j === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(cell)).join(' | ')} |`).join('\n');
}

function renderBlock(diff: SegmentsDiff, revision: string): string {
  const parts = [`### Segments \`${diff.name}\` on \`${diff.valueMetric}\``, '', headline(diff)];
  if (diff.rules.length) {
    const lines: string[] = [];
    for (const change of diff.rules) {
      const { before, after, note } = ruleLines(change);
      if (before) lines.push(`- ${before}`);
      if (after) lines.push(`+ ${after}`);
      if (note && !(before && after)) lines.push(`# ${note}`);
    }
    // A fence longer than any backtick run in the rules, so a label cannot close it.
    const fence = '`'.repeat(
      Math.max(3, ...lines.map((l) => (l.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length + 1), 0))),
    );
    parts.push('', '**Rules changed**', '', fence + 'diff', ...lines, fence);
  }
  const m = diff.matrix;
  if (m) {
    const header = [`at ${revision} ↓ / now →`, ...m.to, 'Total'];
    parts.push(
      '',
      `**Customers** (rows: segment at \`${revision}\`, columns: segment now)`,
      '',
      table(
        header,
        matrixRows(m.from, m.counts, (v) => formatInteger(v)),
      ),
    );
    parts.push(
      '',
      `**Predicted ${diff.valueMetric}**`,
      '',
      table(
        header,
        matrixRows(m.from, m.values, (v) => formatMoney(v)),
      ),
    );
  }
  return parts.join('\n');
}

export function renderDiffMarkdown(report: DiffReport): string {
  const title = `## Segment changes in \`${report.notebook}\` since \`${report.revision}\``;
  if (report.segments.length === 0) return `${title}\n\nNo segments blocks at either revision.\n`;
  return [title, ...report.segments.map((s) => renderBlock(s, report.revision))].join('\n\n') + '\n';
}
