// Row filters after reading: simple `column op value` filters (all must hold) and the
// kernel's row predicate over the read columns combine into one keep-mask, and every column
// is compacted with typed loops. Filtered rows are counted, never confused with rejects.
import { DataError } from './errors';
import type { ColumnValues, Filter, FilterColumns } from './types';

function compare(op: Filter['op'], a: number | string, b: number | string): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** Applies the filters to `mask` in place (mask[i] = 0 drops row i). */
export function applyFilters(
  filters: Filter[],
  columns: Map<string, ColumnValues>,
  rows: number,
  mask: Uint8Array,
): void {
  for (const f of filters) {
    const c = columns.get(f.column);
    if (!c) throw new DataError(`The filter column "${f.column}" was not read.`);
    for (let i = 0; i < rows; i++) {
      if (!mask[i]) continue;
      const v = c.kind === 'id' ? c.ids[c.codes[i]] : c.values[i];
      // Numbers compare as numbers even when the file held them as ids or text.
      const left = typeof f.value === 'number' && typeof v === 'string' ? Number(v) : v;
      if (!compare(f.op, left, f.value)) mask[i] = 0;
    }
  }
}

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
