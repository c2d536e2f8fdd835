// How a table's rows are ordered by one column, the same in the kernel (whole tables, for
// the renderer's pages) and in the renderer (the rows it holds): numbers numerically, text
// naturally ("a2" before "a10"), and missing values last whichever the direction.

const collator = new Intl.Collator(undefined, { numeric: true });

const isMissing = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

export function compareCells(a: unknown, b: unknown, descending: boolean): number {
  const missingA = isMissing(a);
  const missingB = isMissing(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return descending ? -order : order;
}
