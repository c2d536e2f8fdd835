// Row filters after reading: the kernel's row predicate (a source's `where` lines) over the
// read columns gives a keep-mask, and every column is compacted with typed loops. Filtered
// rows are counted, never confused with rejects.
import type { ColumnValues, FilterColumns } from './types';

/** The columns as a row predicate sees them: ids and text as strings, the rest as Float64. */
export function predicateView(columns: Map<string, ColumnValues>): FilterColumns {
  const view: FilterColumns = new Map();
  for (const [name, c] of columns) view.set(name, c.kind === 'id' ? Array.from(c.codes, (k) => c.ids[k]) : c.values);
  return view;
}

/** Keeps the rows where mask is 1, in every column; the number kept. */
export function compactColumns(
  columns: Map<string, ColumnValues>,
  mask: Uint8Array,
  rows: number,
): { columns: Map<string, ColumnValues>; kept: number } {
  let kept = 0;
  for (let i = 0; i < rows; i++) kept += mask[i];
  if (kept === rows) return { columns, kept };
  const out = new Map<string, ColumnValues>();
  for (const [name, c] of columns) {
    if (c.kind === 'text') {
      out.set(name, { kind: 'text', values: c.values.filter((_, i) => mask[i] === 1) });
      continue;
    }
    const from = c.kind === 'id' ? c.codes : c.values;
    const to = c.kind === 'id' ? new Int32Array(kept) : new Float64Array(kept);
    for (let i = 0, k = 0; i < rows; i++) if (mask[i]) to[k++] = from[i];
    out.set(
      name,
      c.kind === 'id'
        ? { kind: 'id', codes: to as Int32Array, ids: c.ids }
        : { kind: c.kind, values: to as Float64Array },
    );
  }
  return { columns: out, kept };
}
