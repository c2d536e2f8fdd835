// Where a run of plain Markdown ends. Shared by the reader (to split the file) and the
// writer (to decide whether a Markdown source can be written plainly), so that the two can
// never disagree about what the text means.

import type { Line } from './lines';
import { closesFence, isCellBoundary, lineKind, type Fence } from './lines-kinds';

export interface MarkdownRun {
  /** Index of the first line after the run (a cell boundary, or lines.length). */
  end: number;
  /** True when the run ends inside a fenced block of another language that never closes. */
  open: boolean;
}

/**
 * Scans Markdown from `start` until a top-level cell boundary. Fenced blocks of other
 * languages are skipped whole, so a ```clv line inside a ```markdown example stays prose.
 */
export function scanMarkdown(lines: Line[], start: number): MarkdownRun {
  let inside: Fence | undefined;
  for (let i = start; i < lines.length; i++) {
    const text = lines[i].text;
    if (inside) {
      if (closesFence(text, inside)) inside = undefined;
      continue;
    }
    const kind = lineKind(text);
    if (isCellBoundary(kind)) return { end: i, open: false };
    if (kind.kind === 'fence') inside = kind.fence;
  }
  return { end: lines.length, open: inside !== undefined };
}
