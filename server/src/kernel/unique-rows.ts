// Unique rows of a few numeric columns, with the row each input row maps to. Scoring runs over
// unique customer histories (a million customers share far fewer (x, t_x, T) triples) and the
// results are spread back with `of`. An open-addressing hash table over typed arrays: no key
// strings, so millions of rows stay cheap.

export interface UniqueRows {
  columns: Float64Array[];
  /** Index of each input row's unique row. */
  of: Int32Array;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** FNV-1a over the bits of a row's numbers. */
function hashRow(columns: ArrayLike<number>[], i: number): number {
  let h = 2166136261;
  for (const c of columns) {
    f64[0] = c[i];
    h = Math.imul(h ^ u32[0], 16777619);
    h = Math.imul(h ^ u32[1], 16777619);
  }
  return h >>> 0;
}

export function uniqueRows(columns: ArrayLike<number>[]): UniqueRows {
  const n = columns[0].length;
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const rows: number[] = [];
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let slot = hashRow(columns, i) & (size - 1);
    for (;;) {
      const k = slots[slot];
      if (k === -1) {
        slots[slot] = rows.length;
        of[i] = rows.length;
        rows.push(i);
        break;
      }
      if (columns.every((c) => Object.is(c[rows[k]], c[i]))) {
        of[i] = k;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return { columns: columns.map((c) => Float64Array.from(rows, (i) => c[i])), of };
}
