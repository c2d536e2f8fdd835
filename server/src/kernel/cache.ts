// Results cached by content. A statement's key hashes its normalised text, the keys of the
// statements it reads and, for sources, the data file's fingerprint: change any of these and
// the key changes, so editing a source invalidates exactly its dependents (their keys embed
// the source's key) and nothing else. Unchanged statements are served without recomputing.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';

export function contentKey(parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

/**
 * Size and modification time of a data file: cheap (no read), and changes whenever the
 * file is rewritten. A missing file yields a fingerprint too, so creating it invalidates.
 */
export function fileFingerprint(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Cached results by key; entries no statement refers to after a run are dropped. */
export class ResultCache<T> {
  private readonly entries = new Map<string, T>();

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.set(key, value);
  }

  /** Keeps only `live` keys, so results of edited-away definitions do not pile up. */
  retain(live: Set<string>): void {
    for (const key of this.entries.keys()) if (!live.has(key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
