// Writing a Markdown cell. Plain form: the text as is, ended by whatever comes next (a
// separator line `<!-- cell -->` when that is another Markdown cell). Counted form, for
// texts that plain Markdown cannot carry (empty, leading or trailing blank lines, a final
// line break, a ```clv fence or cell marker of its own, an unclosed fenced block):
// `<!-- cell lines=N -->` followed by exactly N lines of the text, read without looking
// inside.

import { breakAfter, isBlank, splitLines } from './lines';
import { countedMarker, lineKind, SEPARATOR } from './lines-kinds';
import { scanMarkdown } from './markdown-scan';
import type { NotebookCell } from './types';
import { blankLead, breakBefore, isBlankLead, type Before, type WriteContext, type Written } from './write-context';

/** True when `source`, written plainly, reads back as exactly one Markdown cell with this source. */
export function isPlainMarkdown(source: string): boolean {
  const lines = splitLines(source);
  if (!lines.length || isBlank(lines[0].text)) return false;
  const last = lines[lines.length - 1];
  if (last.eol || isBlank(last.text)) return false;
  const run = scanMarkdown(lines, 0);
  return run.end === lines.length && !run.open;
}

/**
 * Blank lines with at most one separator line. An empty cell exists only through its
 * separator, and after plain Markdown only a separator starts a new cell. Only an empty
 * last cell's separator may end the file without a line break.
 */
function leadFits(lead: string, before: Before, source: string): boolean {
  if (source !== '' && lead !== '' && !/[\r\n]$/.test(lead)) return false;
  let separators = 0;
  for (const line of splitLines(lead)) {
    const kind = lineKind(line.text).kind;
    if (kind === 'separator') separators++;
    else if (kind !== 'blank') return false;
  }
  return separators === 1 || (separators === 0 && before !== 'markdown' && source !== '');
}

export function writeMarkdown(cell: NotebookCell, context: WriteContext): Written {
  const layout = cell.layout?.kind === 'markup' ? cell.layout : undefined;
  const unchanged =
    layout && layout.source === cell.source && (!layout.atEnd || context.mayEndFile) && !context.forceCounted;
  if (unchanged && layout.form === 'counted' && layout.marker && isBlankLead(layout.lead)) {
    return { text: layout.lead + layout.marker + cell.source + layout.bodyEnd, leaves: 'closed' };
  }
  if (unchanged && layout.form === 'plain' && leadFits(layout.lead, context.before, cell.source)) {
    return { text: layout.lead + cell.source + layout.bodyEnd, leaves: 'markdown' };
  }
  const end = cell.source === '' ? '' : breakAfter(cell.source, layout?.bodyEnd || context.eol);
  // An edited counted cell stays counted: turned plain, it would make a following plain
  // cell need a separator, so the edit would spill into the next cell's lines.
  if (!context.forceCounted && layout?.form !== 'counted' && isPlainMarkdown(cell.source)) {
    const kept = layout && leadFits(layout.lead, context.before, cell.source) ? layout.lead : undefined;
    const blank = blankLead(layout?.lead, context);
    const lead = kept ?? (context.before === 'markdown' ? blank + SEPARATOR + context.eol : blank);
    return { text: lead + cell.source + end, leaves: 'markdown' };
  }
  const lines = splitLines(cell.source + end).length;
  const marker = countedMarker(lines) + breakBefore(cell.source, context.eol);
  return { text: blankLead(layout?.lead, context) + marker + cell.source + end, leaves: 'closed' };
}
