// Unique rows of a few numeric columns, with the row each input row maps to. Fits run over
// unique (x, t_x, T) patterns and scoring over unique customer histories (a million customers
// share far fewer triples); results are spread back with `of`. An open-addressing hash table over typed arrays: no key
// strings, so millions of rows stay cheap.

export interface UniqueRows {
  columns: Float64Array[];
  /** Index of each input row's unique row. */
  of: Int32Array;
}

import { gather } from './gather';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * A hash of the bits of a row's numbers. Each 32-bit word is mixed in with a multiply, which
 * only carries low bits upwards, so the result is finished with murmur3's avalanche: the table
 * index takes the LOW bits, and a double's distinguishing bits are mostly in its high word.
 */
function hashRow(columns: Float64Array[], i: number): number {
  let h = 2166136261;
  for (let c = 0; c < columns.length; c++) {
    f64[0] = columns[c][i];
    h = Math.imul(h ^ u32[0], 16777619);
    h = Math.imul(h ^ u32[1], 16777619);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function sameRow(columns: Float64Array[], a: number, b: number): boolean {
  for (let c = 0; c < columns.length; c++) if (!Object.is(columns[c][a], columns[c][b])) return false;
  return true;
}

/** `checkpoint`, if given, is called every 65,536 rows with the fraction done; it may throw to stop. */
export function uniqueRows(input: ArrayLike<number>[], checkpoint?: (fraction: number) => void): UniqueRows {
  // One array type throughout keeps the hot loop monomorphic.
  const columns = input.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c)));
  const n = columns[0].length;
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const first = new Int32Array(n);
  let count = 0;
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0) checkpoint?.(i / n);
    let slot = hashRow(columns, i) & (size - 1);
    for (;;) {
      const k = slots[slot];
      if (k === -1) {
        slots[slot] = count;
        of[i] = count;
        first[count++] = i;
        break;
      }
      if (sameRow(columns, first[k], i)) {
        of[i] = k;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  const rows = first.subarray(0, count);
  return { columns: columns.map((c) => gather(c, rows)), of };
}
