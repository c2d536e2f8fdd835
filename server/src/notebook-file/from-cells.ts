// A notebook from plain cells (what an editor hands back), reusing the layout of an earlier
// read of the same file where cells match, so saving rewrites only what changed.

import type { CellData, CellLayout, NotebookCell, NotebookFile } from './types';

const key = (cell: CellData) => `${cell.kind}\u0000${cell.language}\u0000${cell.source}`;

/**
 * Layouts for `cells` from `previous`: first every cell identical to an earlier one (in
 * order, each earlier layout used once), then a cell at the same position of the same kind
 * lends its fence style and blank lines to an edited cell.
 */
function matchLayouts(cells: CellData[], previous: NotebookCell[]): (CellLayout | undefined)[] {
  const unused = new Map<string, number[]>();
  previous.forEach((cell, index) => {
    if (!cell.layout) return;
    const list = unused.get(key(cell)) ?? [];
    list.push(index);
    unused.set(key(cell), list);
  });
  const taken = new Set<number>();
  const layouts = cells.map((cell) => {
    const index = unused.get(key(cell))?.shift();
    if (index === undefined) return undefined;
    taken.add(index);
    return previous[index].layout;
  });
  return layouts.map((layout, index) => {
    if (layout || taken.has(index)) return layout;
    const same = previous[index]?.layout;
    return same?.kind === cells[index].kind ? same : undefined;
  });
}

export function notebookFromCells(
  cells: CellData[],
  metadata?: Record<string, string>,
  previous?: NotebookFile,
): NotebookFile {
  const layouts = previous ? matchLayouts(cells, previous.cells) : [];
  return {
    cells: cells.map((cell, index) => {
      const layout = (cell as NotebookCell).layout ?? layouts[index];
      const { kind, language, source } = cell;
      return layout ? { kind, language, source, layout } : { kind, language, source };
    }),
    metadata: metadata ?? previous?.metadata ?? {},
    ...(previous?.layout ? { layout: previous.layout } : {}),
  };
}
