// Loading a `.clvnb` file for the command line: the text, the parsed notebook (through the
// notebook-file module, so `fmt` can write it back byte for byte), and every cell with a
// stable id and the file line where its source starts, so positions inside a cell can be
// reported as positions in the file.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  decodeNotebook,
  NotebookEncodingError,
  parseNotebook,
  type NotebookCell,
  type NotebookFile,
} from '../notebook-file';
import { breaksLineAt } from '../language';
import type { ReportCell } from '../report';
import { InputError } from './errors';

export interface LoadedCell extends ReportCell {
  /** Position among all cells, 0-based. */
  index: number;
  /** 1-based number among code cells (what the summary calls "cell N"); 0 for Markdown. */
  codeNumber: number;
  /** 0-based line of the file where the cell's source starts. */
  firstLine: number;
}

export interface LoadedNotebook {
  /** The path as given on the command line (messages use it, like compilers do). */
  path: string;
  /** Folder that relative data paths resolve against. */
  dir: string;
  text: string;
  file: NotebookFile;
  cells: LoadedCell[];
}

/** `clv` code cells only: other fenced languages are prose as far as the kernel is concerned. */
export const isClvCell = (cell: Pick<ReportCell, 'kind' | 'language'>) =>
  cell.kind === 'code' && cell.language === 'clv';

/** A notebook's text: an error, never a lossy decode, when the file is not UTF-8 (see decodeNotebook). */
export async function readText(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message;
    throw new InputError(`cannot read: ${why}`, path);
  }
  try {
    return decodeNotebook(bytes);
  } catch (error) {
    if (error instanceof NotebookEncodingError) throw new InputError(error.message, path);
    throw error;
  }
}

/**
 * Line where each cell's source starts. Sources are verbatim slices of the file, in order;
 * searching from the end of the previous cell (for a code cell, together with its opening
 * fence, so text that also occurs in a fence line cannot match early) finds each one.
 */
function firstLines(text: string, cells: NotebookCell[]): number[] {
  let from = 0;
  let line = 0;
  let counted = 0;
  return cells.map((cell) => {
    const fence = cell.layout?.fence;
    const opening = fence ? fence.char.repeat(fence.length) + fence.info + fence.openEol : '';
    const at = cell.source.length ? text.indexOf(opening + cell.source, from) : -1;
    const start = at < 0 ? from : at + opening.length;
    for (; counted < start; counted++) if (breaksLineAt(text, counted)) line++;
    from = start + cell.source.length;
    return line;
  });
}

export function loadNotebookText(path: string, text: string): LoadedNotebook {
  const file = parseNotebook(text);
  const lines = firstLines(text, file.cells);
  let codeNumber = 0;
  const cells = file.cells.map((c, index) => {
    const isCode = isClvCell(c);
    return {
      id: `cell-${index + 1}`,
      kind: c.kind,
      language: c.language,
      source: c.source,
      index,
      codeNumber: isCode ? ++codeNumber : 0,
      firstLine: lines[index],
    };
  });
  return { path, dir: dirname(resolve(path)), text, file, cells };
}

export async function loadNotebook(path: string): Promise<LoadedNotebook> {
  return loadNotebookText(path, await readText(path));
}

/** `file:line:col` of an offset inside a cell (1-based, like compilers). */
export function fileLocation(
  notebook: LoadedNotebook,
  cell: LoadedCell,
  position: { line: number; character: number },
): string {
  return `${notebook.path}:${cell.firstLine + position.line + 1}:${position.character + 1}`;
}
