// Typed arrays that double when full, so a streamed file of unknown length fills flat
// numeric storage (8 bytes a value) instead of a JS array of boxed numbers. Values are set
// by row index: a row rejected half-way is simply overwritten by the next one.

type Numeric = Float64Array | Int32Array;

class Growable<T extends Numeric> {
  constructor(
    public values: T,
    private readonly make: (n: number) => T,
  ) {}
  set(i: number, v: number): void {
    if (i >= this.values.length) {
      const next = this.make(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[i] = v;
  }
  /** The first `rows` values, copied to their exact size so the doubled slack is freed. */
  result(rows: number): T {
    return this.values.slice(0, rows) as T;
  }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  constructor(capacity = 1024) {
    super(new Float64Array(capacity), (n) => new Float64Array(n));
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  constructor(capacity = 1024) {
    super(new Int32Array(capacity), (n) => new Int32Array(n));
  }
}
