// Writing a clv code cell as a fenced block. An unchanged cell is written exactly as it was
// read; an edited one keeps its fence style, made longer when the new source holds a line
// that would otherwise close the fence early.

import { breakAfter, splitLines } from './lines';
import { closesFence, longestClosingRun } from './lines-kinds';
import type { NotebookCell } from './types';
import { blankLead, breakBefore, type WriteContext, type Written } from './write-context';

export function writeCode(cell: NotebookCell, context: WriteContext): Written {
  const layout = cell.layout?.kind === 'code' ? cell.layout : undefined;
  const fence = layout?.fence;
  const lead = blankLead(layout?.lead, context);
  if (layout && fence && layout.source === cell.source && (!layout.atEnd || context.mayEndFile)) {
    const open = fence.indent + fence.char.repeat(fence.length) + fence.info;
    return {
      text: lead + open + fence.openEol + cell.source + layout.bodyEnd + (fence.close ?? '') + fence.closeEol,
      leaves: 'closed',
    };
  }
  const char = fence?.char ?? '`';
  const length = Math.max(fence?.length ?? 3, longestClosingRun(splitLines(cell.source), char) + 1);
  const indent = fence?.indent ?? '';
  const open = indent + char.repeat(length) + (fence?.info ?? 'clv');
  const keptClose = fence?.close != null && closesFence(fence.close, { char, length }) ? fence.close : undefined;
  const close = keptClose ?? indent + char.repeat(length);
  const body = cell.source === '' ? '' : cell.source + breakAfter(cell.source, layout?.bodyEnd || context.eol);
  const text =
    lead +
    open +
    breakBefore(cell.source, fence?.openEol || context.eol) +
    body +
    close +
    (fence?.closeEol || context.eol);
  return { text, leaves: 'closed' };
}
