// The migration matrix of a segments change: for every customer, the segment they were in at
// the old revision (row) and the one they are in now (column), counted and summed by
// predicted value. Customers are matched by id; one present on only one side (a changed
// filter) lands in the ABSENT row or column, so the totals still reconcile.

export const ABSENT = '(not segmented)';

/** One side's segment membership: labels in rule order, then one entry per customer. */
export interface Membership {
  labels: string[];
  customer: string[];
  segment: string[];
  /** Predicted value per customer, aligned with `customer`. */
  value: ArrayLike<number>;
}

export interface MigrationMatrix {
  /** Row labels: old segments in rule order (plus ABSENT when needed). */
  from: string[];
  /** Column labels: new segments in rule order (plus ABSENT when needed). */
  to: string[];
  counts: number[][];
  /** Sum of the current predicted value of the customers in each cell. */
  values: number[][];
  customers: number;
  /** Customers whose segment label changed, and their value. */
  moved: number;
  movedValue: number;
}

/** Declared labels in rule order, then any other label that occurs (ABSENT last). */
function orderedLabels(declared: string[], seen: string[]): string[] {
  const labels = [...declared];
  for (const label of new Set(seen)) if (!labels.includes(label) && label !== ABSENT) labels.push(label);
  return seen.includes(ABSENT) ? [...labels, ABSENT] : labels;
}

export function migrationMatrix(before: Membership, after: Membership): MigrationMatrix {
  const oldSegment = new Map<string, string>();
  for (let i = 0; i < before.customer.length; i++) oldSegment.set(before.customer[i], before.segment[i]);
  const newSegment = new Map<string, [string, number]>();
  for (let i = 0; i < after.customer.length; i++) newSegment.set(after.customer[i], [after.segment[i], after.value[i]]);
  const oldValue = new Map<string, number>();
  for (let i = 0; i < before.customer.length; i++) oldValue.set(before.customer[i], before.value[i]);

  const pairs: [string, string, number][] = [];
  for (const [id, [to, value]] of newSegment) pairs.push([oldSegment.get(id) ?? ABSENT, to, value]);
  // Customers that left the segmentation keep their last known value, so the row still sums.
  for (const [id, from] of oldSegment) if (!newSegment.has(id)) pairs.push([from, ABSENT, oldValue.get(id)!]);

  const from = orderedLabels(
    before.labels,
    pairs.map((p) => p[0]),
  );
  const to = orderedLabels(
    after.labels,
    pairs.map((p) => p[1]),
  );
  const row = new Map(from.map((l, i) => [l, i]));
  const column = new Map(to.map((l, i) => [l, i]));
  const counts = from.map(() => to.map(() => 0));
  const values = from.map(() => to.map(() => 0));
  let moved = 0;
  let movedValue = 0;
  for (const [f, t, value] of pairs) {
    const v = Number.isFinite(value) ? value : 0;
    counts[row.get(f)!][column.get(t)!]++;
    values[row.get(f)!][column.get(t)!] += v;
    if (f !== t) {
      moved++;
      movedValue += v;
    }
  }
  return { from, to, counts, values, customers: pairs.length, moved, movedValue };
}
