// Customer ids to dense codes (0, 1, 2... in order of first appearance), without making a
// string per row: an open-addressing hash table over the id's bytes (FNV-1a), comparing
// candidates byte by byte against a pool of the ids seen. A string is made once per
// customer. Measured on 1M rows with 100k "C123"-style ids, a Map keyed by a per-row string
// spent ~0.5 s here; the byte table a small fraction of that.

const encoder = new TextEncoder();

export class IdInterner {
  readonly ids: string[] = [];
  /** Slot → code + 1 (0 = empty). */
  private slots = new Int32Array(1 << 16);
  private slotHash = new Int32Array(1 << 16);
  /** Bytes of every id, back to back; id k spans pool[offsets[k], offsets[k + 1]). */
  private pool = new Uint8Array(1 << 16);
  private offsets = new Int32Array(1 << 12);
  private poolLength = 0;

  /** The code of the id in bytes[start, end) (trimmed, non-empty); decode() makes its string when new. */
  codeOf(bytes: Uint8Array, start: number, end: number, decode: (s: number, e: number) => string): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return this.insert(slot, hash, bytes, start, end, decode);
      if (this.slotHash[slot] !== hash) continue;
      const code = entry - 1;
      const at = this.offsets[code];
      if (this.offsets[code + 1] - at !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.pool[at + i] !== bytes[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return code;
    }
  }

  /** The code of an id already held as a string (JSON, Parquet, Arrow, quoted CSV fields). */
  codeOfText(id: string): number {
    const bytes = encoder.encode(id);
    return this.codeOf(bytes, 0, bytes.length, () => id);
  }

  private insert(slot: number, hash: number, bytes: Uint8Array, start: number, end: number, decode: (s: number, e: number) => string): number {
    const code = this.ids.length;
    this.ids.push(decode(start, end));
    const length = end - start;
    if (this.poolLength + length > this.pool.length) this.pool = grown(this.pool, Math.max(this.pool.length * 2, this.poolLength + length));
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    this.poolLength += length;
    if (code + 2 > this.offsets.length) this.offsets = grown(this.offsets, this.offsets.length * 2);
    this.offsets[code + 1] = this.poolLength;
    this.slots[slot] = code + 1;
    this.slotHash[slot] = hash;
    // Keep the table at most half full so probes stay short.
    if (this.ids.length * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const hashes = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let old = 0; old < this.slots.length; old++) {
      if (this.slots[old] === 0) continue;
      let slot = this.slotHash[old] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = this.slots[old];
      hashes[slot] = this.slotHash[old];
    }
    this.slots = slots;
    this.slotHash = hashes;
  }
}

function grown<T extends Uint8Array | Int32Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}
