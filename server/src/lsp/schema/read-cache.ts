// Reads the checker asks for synchronously but the server must not wait for on its message
// loop (data-file headers, warehouse catalogs): `peek` answers from the cache, or starts the
// read and answers undefined ("not known yet"); when the read ends the cache calls `arrived`,
// and the programs check again with the answer. `idle` lets a diagnostics publication or a
// completion wait (each read is bounded by its timeout) for the reads it started.
export class ReadCache<V> {
  private readonly values = new Map<string, { value: V; expires: number }>();
  private readonly reading = new Map<string, Promise<void>>();

  constructor(
    /** Never rejects: a failure is a value (the source's warning says what went wrong). */
    private readonly read: (key: string) => Promise<V>,
    private readonly arrived: () => void,
    /** How long a value stays valid (Infinity until forgotten). */
    private readonly lifetime: (value: V) => number = () => Infinity,
  ) {}

  /** The value, or undefined while it is being read (a first read, or again after it expired). */
  peek(key: string): V | undefined {
    const cached = this.values.get(key);
    if (cached && cached.expires > Date.now()) return cached.value;
    if (this.reading.has(key)) return undefined;
    const reading = this.read(key).then((value) => {
      if (this.reading.get(key) !== reading) return; // forgotten while it was being read
      this.reading.delete(key);
      this.values.set(key, { value, expires: Date.now() + this.lifetime(value) });
      this.arrived();
    });
    this.reading.set(key, reading);
    return undefined;
  }

  /** Resolves when no read is under way (reads started meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.reading.size) await Promise.all(this.reading.values());
  }

  /** Forgets the entries (and drops the reads under way) whose key matches; true when there was one. */
  forget(matches: (key: string) => boolean): boolean {
    let forgot = false;
    for (const key of [...this.values.keys(), ...this.reading.keys()]) {
      if (!matches(key)) continue;
      const known = this.values.delete(key);
      const underWay = this.reading.delete(key);
      forgot ||= known || underWay;
    }
    return forgot;
  }
}
