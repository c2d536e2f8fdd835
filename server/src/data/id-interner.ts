// Customer ids to dense codes (0, 1, 2... in order of first appearance), one string per
// customer rather than one per row. Short all-digit ids — the usual case — are keyed by a
// number (value and digit count, so the zero-padded "00004" stays distinct from "4") and
// never become a string until first seen; other ids are keyed by their text.

// 14 digits × 16 lengths stays below 2^53, so the numeric key is exact.
const MAX_NUMERIC_DIGITS = 14;

export class IdInterner {
  readonly ids: string[] = [];
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();

  /** The code of the id in bytes[start, end) (already trimmed and non-empty). */
  codeOf(bytes: Uint8Array, start: number, end: number, text: (s: number, e: number) => string): number {
    const width = end - start;
    if (width <= MAX_NUMERIC_DIGITS) {
      let value = 0;
      let i = start;
      for (; i < end; i++) {
        const c = bytes[i] - 48;
        if (!(c >= 0 && c <= 9)) break;
        value = value * 10 + c;
      }
      if (i === end) {
        const key = value * 16 + width;
        let code = this.byNumber.get(key);
        if (code === undefined) this.byNumber.set(key, (code = this.ids.push(text(start, end)) - 1));
        return code;
      }
    }
    return this.codeOfText(text(start, end));
  }

  /** The code of an id already held as a string (JSON, Parquet, Arrow, quoted CSV fields). */
  codeOfText(id: string): number {
    let code = this.byText.get(id);
    if (code === undefined) {
      // A digits-only id seen first as text must share the code it would get from bytes.
      if (/^\d{1,14}$/.test(id)) {
        const key = Number(id) * 16 + id.length;
        code = this.byNumber.get(key);
        if (code === undefined) this.byNumber.set(key, (code = this.ids.push(id) - 1));
      } else code = this.ids.push(id) - 1;
      this.byText.set(id, code);
    }
    return code;
  }
}
