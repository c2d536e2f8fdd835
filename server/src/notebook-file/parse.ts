// Reading a notebook file. Every byte ends up either in a cell's source or in a layout, so
// that serializeNotebook(parseNotebook(text)) === text for any text at all.

import { frontMatterEntries, readFrontMatter } from './front-matter';
import { firstLineBreak, joinLines, splitLines, withoutLastBreak, type Line } from './lines';
import { closesFence, lineKind, type Fence } from './lines-kinds';
import { scanMarkdown } from './markdown-scan';
import type { CellLayout, NotebookCell, NotebookFile } from './types';

export const BOM = '\uFEFF';

const markdownCell = (source: string, layout: Omit<CellLayout, 'kind' | 'source'>): NotebookCell => ({
  kind: 'markup',
  language: 'markdown',
  source,
  layout: { kind: 'markup', source, ...layout },
});

/** A cell read from `lines`, the index of the line after it, and blank lines it left over. */
interface Read {
  cell: NotebookCell;
  next: number;
  rest: string;
}

/** A clv code cell from its opening fence at `open` to the closing fence or the end of the file. */
function readCode(lines: Line[], open: number, fence: Fence, lead: string): Read {
  let end = open + 1;
  while (end < lines.length && !closesFence(lines[end].text, fence)) end++;
  const close = lines[end] as Line | undefined;
  const { source, bodyEnd } = withoutLastBreak(lines.slice(open + 1, end));
  const layout = { ...fence, openEol: lines[open].eol, close: close?.text ?? null, closeEol: close?.eol ?? '' };
  const cell: NotebookCell = {
    kind: 'code',
    language: 'clv',
    source,
    layout: { kind: 'code', source, lead, form: 'fenced', fence: layout, bodyEnd, atEnd: !close?.eol },
  };
  return { cell, next: end + 1, rest: '' };
}

/** A counted Markdown cell: the `count` lines after the marker at `at`, unread. */
function readCounted(lines: Line[], at: number, count: number, lead: string): Read {
  const marker = lines[at];
  const body = lines.slice(at + 1, at + 1 + count);
  const { source, bodyEnd } = withoutLastBreak(body);
  const atEnd = !marker.eol || body.length < count || (body.length > 0 && !bodyEnd);
  return {
    cell: markdownCell(source, { lead, form: 'counted', marker: marker.text + marker.eol, bodyEnd, atEnd }),
    next: at + 1 + body.length,
    rest: '',
  };
}

/** Plain Markdown from `start` to the next cell boundary, its trailing blank lines left over. */
function readPlain(lines: Line[], start: number, lead: string): Read {
  const run = scanMarkdown(lines, start);
  // Trailing blank lines separate this cell from the next, unless an unclosed fenced block
  // runs to the end of the file: then they are part of that block.
  let last = run.end - 1;
  if (!run.open) while (lineKind(lines[last].text).kind === 'blank') last--;
  const { source, bodyEnd } = withoutLastBreak(lines.slice(start, last + 1));
  const cell = markdownCell(source, { lead, form: 'plain', bodyEnd, atEnd: run.open || !bodyEnd });
  return { cell, next: run.end, rest: joinLines(lines.slice(last + 1, run.end)) };
}

/** Reads the cells of `lines`; returns them and the blank lines left after the last one. */
function readCells(lines: Line[]): { cells: NotebookCell[]; tail: string } {
  const cells: NotebookCell[] = [];
  // Blank lines (and a separator) seen since the last cell; they become the next cell's lead.
  let lead = '';
  let afterSeparator = false;
  // A separator followed by no Markdown is an empty Markdown cell; one without a line break
  // ends the file, so nothing may follow it unchanged.
  const flushEmpty = () => {
    if (!afterSeparator) return;
    cells.push(markdownCell('', { lead, form: 'plain', bodyEnd: '', atEnd: !/[\r\n]$/.test(lead) }));
    lead = '';
    afterSeparator = false;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const kind = lineKind(line.text);
    if (kind.kind === 'blank' || kind.kind === 'separator') {
      if (kind.kind === 'separator') flushEmpty();
      lead += line.text + line.eol;
      afterSeparator ||= kind.kind === 'separator';
      i++;
      continue;
    }
    if (kind.kind === 'clv' || kind.kind === 'counted') flushEmpty();
    // Plain Markdown after a separator is the cell that separator started.
    afterSeparator = false;
    const read =
      kind.kind === 'clv'
        ? readCode(lines, i, kind.fence, lead)
        : kind.kind === 'counted'
          ? readCounted(lines, i, kind.lines, lead)
          : readPlain(lines, i, lead);
    cells.push(read.cell);
    lead = read.rest;
    i = read.next;
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
