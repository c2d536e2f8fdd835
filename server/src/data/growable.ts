// Typed arrays that double when full, so a streamed file of unknown length fills flat
// numeric storage (8 bytes a value) instead of a JS array of boxed numbers. Values are set
// by row index: a row rejected half-way is simply overwritten by the next one.

export class GrowableFloat64 {
  values: Float64Array;
  constructor(capacity = 1024) {
    this.values = new Float64Array(capacity);
  }
  set(i: number, v: number): void {
    if (i >= this.values.length) {
      const next = new Float64Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[i] = v;
  }
  /** The first `rows` values, copied to their exact size so the doubled slack is freed. */
  result(rows: number): Float64Array {
    return this.values.slice(0, rows);
  }
}

export class GrowableInt32 {
  values: Int32Array;
  constructor(capacity = 1024) {
    this.values = new Int32Array(capacity);
  }
  set(i: number, v: number): void {
    if (i >= this.values.length) {
      const next = new Int32Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[i] = v;
  }
  result(rows: number): Int32Array {
    return this.values.slice(0, rows);
  }
}
