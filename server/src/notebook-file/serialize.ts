// Writing a notebook file: BOM, front matter, cells, trailing blank lines. Cells that kept
// their source are written exactly as read, so open + edit one cell + save changes only that
// cell's lines; new and edited cells get the canonical layout (or their old fence style).

import { readFrontMatter, frontMatterEntries, sameEntries, writeFrontMatter } from './front-matter';
import { isBlankText, splitLines } from './lines';
import { longestClosingRun } from './lines-kinds';
import { BOM } from './parse';
import type { FileLayout, NotebookCell, NotebookFile } from './types';
import { writeCode } from './write-code';
import type { Before, WriteContext, Written } from './write-context';
import { writeMarkdown } from './write-markdown';

const LINE_BREAKS = ['\n', '\r\n', '\r'];

/**
 * The format has no code cells in other languages (their fences are Markdown), so such a
 * cell is written as Markdown holding a fenced block: it reads back as a Markdown cell.
 */
function asFencedMarkdown(cell: NotebookCell, eol: string): NotebookCell {
  const language = cell.language.replace(/[\s`]/g, '');
  const fence = '`'.repeat(Math.max(3, longestClosingRun(splitLines(cell.source), '`') + 1));
  return { kind: 'markup', language: 'markdown', source: `${fence}${language}${eol}${cell.source}${eol}${fence}` };
}

function writeCell(cell: NotebookCell, context: WriteContext): Written {
  if (cell.kind === 'markup') return writeMarkdown(cell, context);
  if (cell.language === 'clv') return writeCode(cell, context);
  return writeMarkdown(asFencedMarkdown(cell, context.eol), context);
}

/** The front matter to write: as read while the metadata is unchanged, else generated. */
function frontMatterFor(nb: NotebookFile, layout: FileLayout | undefined, eol: string): string {
  const read = layout?.frontMatter;
  if (read && sameEntries(frontMatterEntries(read), nb.metadata)) return read;
  return Object.keys(nb.metadata).length ? writeFrontMatter(nb.metadata, eol) : '';
}

function write(nb: NotebookFile, forceCountedFirst: boolean): { text: string; bom: boolean; frontMatter: string } {
  const layout = nb.layout;
  const eol = layout && LINE_BREAKS.includes(layout.eol) ? layout.eol : '\n';
  const tail = layout && isBlankText(layout.tail) ? layout.tail : '';
  let frontMatter = frontMatterFor(nb, layout, eol);
  // Front matter read at the very end of a file may lack its last line break.
  if (frontMatter && (nb.cells.length || tail) && !/[\r\n]$/.test(frontMatter)) frontMatter += eol;
  const bom = layout?.bom === true;
  let text = (bom ? BOM : '') + frontMatter;
  let before: Before = frontMatter ? 'closed' : 'start';
  nb.cells.forEach((cell, index) => {
    const last = index === nb.cells.length - 1;
    const written = writeCell(cell, {
      eol,
      before,
      mayEndFile: last && tail === '',
      forceCounted: forceCountedFirst && index === 0,
    });
    text += written.text;
    before = written.leaves;
  });
  return { text: text + tail, bom, frontMatter };
}

/**
 * True when the file's start would read back differently: a first Markdown cell starting
 * with a BOM or with lines that look like front matter.
 */
function startMisread({ text, bom, frontMatter }: ReturnType<typeof write>): boolean {
  if (!bom && text.startsWith(BOM)) return true;
  return !frontMatter && readFrontMatter(bom ? text.slice(1) : text) !== null;
}

export function serializeNotebook(nb: NotebookFile): string {
  const written = write(nb, false);
  return startMisread(written) ? write(nb, true).text : written.text;
}
