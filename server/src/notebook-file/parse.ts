// Reading a notebook file. Every byte ends up either in a cell's source or in a layout, so
// that serializeNotebook(parseNotebook(text)) === text for any text at all.

import { frontMatterEntries, readFrontMatter } from './front-matter';
import { firstLineBreak, joinLines, splitLines, withoutLastBreak, type Line } from './lines';
import { closesFence, lineKind } from './lines-kinds';
import { scanMarkdown } from './markdown-scan';
import type { CellLayout, NotebookCell, NotebookFile } from './types';

export const BOM = '\uFEFF';

const markdownCell = (source: string, layout: Omit<CellLayout, 'kind' | 'source'>): NotebookCell => ({
  kind: 'markup',
  language: 'markdown',
  source,
  layout: { kind: 'markup', source, ...layout },
});

/** Reads the cells of `lines`; returns them and the blank lines left after the last one. */
function readCells(lines: Line[]): { cells: NotebookCell[]; tail: string } {
  const cells: NotebookCell[] = [];
  // Blank lines (and a separator) seen since the last cell; they become the next cell's lead.
  let lead = '';
  let afterSeparator = false;
  // A separator followed by no Markdown is an empty Markdown cell.
  const flushEmpty = () => {
    if (!afterSeparator) return;
    // A separator line without a break ends the file: nothing may follow it unchanged.
    cells.push(markdownCell('', { lead, form: 'plain', bodyEnd: '', atEnd: !/[\r\n]$/.test(lead) }));
    lead = '';
    afterSeparator = false;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const kind = lineKind(line.text);
    if (kind.kind === 'blank') {
      lead += line.text + line.eol;
      i++;
    } else if (kind.kind === 'separator') {
      flushEmpty();
      lead += line.text + line.eol;
      afterSeparator = true;
      i++;
    } else if (kind.kind === 'clv') {
      flushEmpty();
      let end = i + 1;
      while (end < lines.length && !closesFence(lines[end].text, kind.fence)) end++;
      if (end === lines.length) end = -1;
      const close = end < 0 ? undefined : lines[end];
      const { source, bodyEnd } = withoutLastBreak(lines.slice(i + 1, end < 0 ? lines.length : end));
      const fence = { ...kind.fence, openEol: line.eol, close: close?.text ?? null, closeEol: close?.eol ?? '' };
      const atEnd = !close || !close.eol;
      cells.push({ kind: 'code', language: 'clv', source, layout: { kind: 'code', source, lead, form: 'fenced', fence, bodyEnd, atEnd } });
      lead = '';
      i = end < 0 ? lines.length : end + 1;
    } else if (kind.kind === 'counted') {
      flushEmpty();
      const body = lines.slice(i + 1, i + 1 + kind.lines);
      const { source, bodyEnd } = withoutLastBreak(body);
      const atEnd = !line.eol || body.length < kind.lines || (body.length > 0 && !bodyEnd);
      cells.push(markdownCell(source, { lead, form: 'counted', marker: line.text + line.eol, bodyEnd, atEnd }));
      lead = '';
      i += 1 + body.length;
    } else {
      const run = scanMarkdown(lines, i);
      // Trailing blank lines separate this cell from the next, unless an unclosed fenced
      // block runs to the end of the file: then they are part of that block.
      let last = run.end - 1;
      if (!run.open) while (lineKind(lines[last].text).kind === 'blank') last--;
      const { source, bodyEnd } = withoutLastBreak(lines.slice(i, last + 1));
      cells.push(markdownCell(source, { lead, form: 'plain', bodyEnd, atEnd: run.open || !bodyEnd }));
      lead = joinLines(lines.slice(last + 1, run.end));
      afterSeparator = false;
      i = run.end;
    }
  }
  flushEmpty();
  return { cells, tail: lead };
}

export function parseNotebook(text: string): NotebookFile {
  const bom = text.startsWith(BOM);
  const afterBom = bom ? text.slice(1) : text;
  const frontMatter = readFrontMatter(afterBom);
  const { cells, tail } = readCells(splitLines(afterBom.slice(frontMatter?.length ?? 0)));
  return {
    cells,
    metadata: frontMatter ? frontMatterEntries(frontMatter) : {},
    layout: { bom, eol: firstLineBreak(text) ?? '\n', frontMatter, tail },
  };
}
