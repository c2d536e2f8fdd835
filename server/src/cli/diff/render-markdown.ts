// `clvnb diff --markdown`: the same content as a pull-request comment. Rule changes as a
// `diff` code block (red/green on GitHub), matrices as Markdown tables. Labels come from
// the notebook, so table-breaking and markup characters in them are escaped. A matrix wider
// or longer than a comment shows comfortably is folded into <details>, and the whole comment
// stays under GitHub's limit for one comment.
import { reportPage } from '../../report/page';
import { formatInteger, formatMoney } from '../../report/format';
import { renderMarkdown } from '../../report/markdown';
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

/** GitHub refuses comments longer than 65,536 characters; leave room for a workflow's own lines. */
export const MARKDOWN_LIMIT = 60_000;
/** Matrices with more segments than this on either side are folded. */
const UNFOLDED_SEGMENTS = 6;

const cell = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/`/g, '\\`');
/** Inline code that a backtick inside the text cannot close. */
const code = (text: string) => {
  const fence = '`'.repeat(Math.max(1, ...(text.match(/`+/g) ?? []).map((run) => run.length + 1)));
  return `${fence}${fence.length > 1 ? ' ' : ''}${text.replace(/</g, '&lt;')}${fence.length > 1 ? ' ' : ''}${fence}`;
};

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, j) => (j === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(cell)).join(' | ')} |`).join('\n');
}

/** A titled matrix, folded into <details> (blank lines around the table so GitHub renders it) when large. */
function matrix(title: string, body: string, fold: boolean): string[] {
  return fold
    ? ['', `<details><summary>${title.replace(/\*\*/g, '')}</summary>`, '', body, '', '</details>']
    : ['', title, '', body];
}

function renderBlock(diff: SegmentsDiff, then: string): string {
  const place = cellPlace(diff);
  const parts = [
    `### Segments ${code(diff.name)} on ${code(diff.valueMetric)}${place ? ` (${place})` : ''}`,
    '',
    headline(diff),
  ];
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
    const fold = Math.max(m.from.length, m.to.length) > UNFOLDED_SEGMENTS;
    const header = [`then ↓ / now →`, ...m.to, 'Total'];
    parts.push(
      ...matrix(
        `**Customers** (rows: segment then, ${then}; columns: segment now)`,
        table(
          header,
          matrixRows(m.from, m.counts, (v) => formatInteger(v)),
        ),
        fold,
      ),
      ...matrix(
        `**Predicted ${diff.valueMetric}**`,
        table(
          header,
          matrixRows(m.from, m.values, (v) => formatMoney(v)),
        ),
        fold,
      ),
    );
  }
  return parts.join('\n');
}

export function renderDiffMarkdown(report: DiffReport): string {
  const title = `## Segment changes in ${code(report.notebook)}`;
  const intro = [title, '', ...comparisonLines(report, code).map((line) => `${line}  `)].join('\n');
  if (report.segments.length === 0) return `${intro}\n\nNo segments blocks then or now.\n`;
  const then = thenLabel(report);
  const blocks = report.segments.map((s) => renderBlock(s, then));
  // Whole blocks only: a cut table would mislead. What does not fit is named, not dropped silently.
  let text = intro;
  for (const [i, block] of blocks.entries()) {
    if (text.length + block.length + 2 > MARKDOWN_LIMIT) {
      const rest = report.segments.slice(i).map((s) => code(s.name));
      return `${text}\n\n_${rest.length} more segments blocks (${rest.join(', ')}) do not fit in one comment: run \`clvnb diff\` locally to see them._\n`;
    }
    text += '\n\n' + block;
  }
  return text + '\n';
}

/** The Markdown as a self-contained page, through the report's safe Markdown renderer and styles. */
export function renderDiffHtml(report: DiffReport): string {
  return reportPage(`Segment changes in ${report.notebook}`, renderMarkdown(renderDiffMarkdown(report)));
}
