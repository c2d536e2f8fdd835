// Splits delimited text into records and fields, byte by byte, without making strings:
// field boundaries go into shared Int32Arrays that the column readers parse in place.
// RFC 4180 quoting (a field starting with `"` runs to the closing quote; `""` is a quote;
// delimiters and newlines inside are data), CRLF or LF, blank lines skipped. Whitespace mode
// splits on runs of spaces and tabs (the CDNOW files). Physical line numbers are tracked
// through newlines inside quotes so rejects point at the right line.
//
// Bounds (docs/data.md): a quoted field may span at most MAX_QUOTED_LINES lines and a record
// at most MAX_RECORD_BYTES. A quote still open at the end of the file, or past either bound,
// is unterminated: the line where it opened becomes one broken record (field count
// UNTERMINATED) and scanning resumes at the next line, so one stray quote costs one row, not
// the rest of the file. An unquoted record longer than MAX_RECORD_BYTES is an error: no
// delimited file has such lines, and reading on would hold the whole file in memory.
import { DataError } from './errors';

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;

/** Field flag: the field was quoted. */
export const QUOTED = 1;
/** Field flag: the field was quoted and holds `""` escapes to undo when read as text. */
export const ESCAPED = 2;

/** Most lines one quoted field may span. */
export const MAX_QUOTED_LINES = 100;
/** Most bytes in one record (a line, or the lines a quoted field spans). */
export const MAX_RECORD_BYTES = 1 << 20;
/** The field count of a record whose quote never closes: its fields are not to be read. */
export const UNTERMINATED = -1;

export interface RecordHandler {
  /**
   * One non-blank record: its field count (UNTERMINATED for a line whose quote never closes),
   * first physical line, and byte span in the buffer.
   */
  (fieldCount: number, line: number, recordStart: number, recordEnd: number): void;
}

export function recordTooLong(file: string, line: number): DataError {
  return new DataError(
    `${file ? `${file}, line` : 'Line'} ${line} is longer than ${MAX_RECORD_BYTES / (1 << 20)} MiB, the most one record may hold: this is not delimited text as declared (check the format, delimiter and line ends).`,
  );
}

export class DelimitedScanner {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  /** Physical line of the next record (1-based). */
  line = 1;
  private readonly delimiter: number;
  private readonly whitespace: boolean;

  /** `delimiter`: one byte, or 'whitespace' for runs of spaces/tabs; `file` names the file in errors. */
  constructor(
    delimiter: number | 'whitespace',
    private readonly file = '',
  ) {
    this.whitespace = delimiter === 'whitespace';
    this.delimiter = this.whitespace ? -1 : (delimiter as number);
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
    this.starts = grow(this.starts, new Int32Array(n));
    this.ends = grow(this.ends, new Int32Array(n));
    this.flags = grow(this.flags, new Uint8Array(n));
  }

  /**
   * Scans the whole records in bytes[pos, end) and returns where the first incomplete one
   * starts (the caller keeps those bytes for the next chunk). With `final`, the data ends at
   * `end` and everything is consumed.
   */
  scan(bytes: Uint8Array, pos: number, end: number, final: boolean, onRecord: RecordHandler): number {
    while (pos < end) {
      const next = this.whitespace
        ? this.splitWhitespace(bytes, pos, end, final)
        : this.splitDelimited(bytes, pos, end, final);
      if (next < 0) {
        // Incomplete record: wait for more bytes, within the bound.
        if (end - pos > MAX_RECORD_BYTES) throw recordTooLong(this.file, this.line);
        return pos;
      }
      if (next - pos > MAX_RECORD_BYTES + 1) throw recordTooLong(this.file, this.recordLine);
      const count = this.fieldCount;
      let recordEnd = next > end ? end : next - 1;
      if (recordEnd > pos && bytes[recordEnd - 1] === CR) recordEnd--;
      if (count !== 0) onRecord(count, this.recordLine, pos, recordEnd);
      pos = next > end ? end : next;
    }
    return pos;
  }

  private fieldCount = 0;
  private recordLine = 1;

  /** Fields of the record at pos; returns the offset after its LF, end + 1 at EOF, or -1 if incomplete. */
  private splitDelimited(bytes: Uint8Array, pos: number, end: number, final: boolean): number {
    const delimiter = this.delimiter;
    let count = 0;
    let i = pos;
    let newlines = 0;
    this.recordLine = this.line;
    for (;;) {
      if (count === this.starts.length) this.grow();
      let flag = 0;
      if (bytes[i] === QUOTE && i < end) {
        // The quote must close within the bounds; `limit` < end means the bytes go on past them.
        const limit = Math.min(end, pos + MAX_RECORD_BYTES);
        let quotedLines = 0;
        let j = i + 1;
        for (;;) {
          while (j < limit && bytes[j] !== QUOTE) {
            if (bytes[j] === LF && ++quotedLines >= MAX_QUOTED_LINES)
              return this.unterminated(bytes, i, end, final, newlines);
            j++;
          }
          if (j + 1 < limit && bytes[j + 1] === QUOTE) {
            flag = ESCAPED;
            j += 2;
            continue;
          }
          break;
        }
        if (j >= limit && limit < end) return this.unterminated(bytes, i, end, final, newlines);
        if (j >= end || (j + 1 >= end && !final)) {
          if (!final) return -1;
          if (j >= end) return this.unterminated(bytes, i, end, final, newlines);
        }
        newlines += quotedLines;
        this.starts[count] = i + 1;
        this.ends[count] = j;
        this.flags[count++] = flag | QUOTED;
        i = j + 1;
        // Anything between the closing quote and the delimiter is ignored, as spreadsheets do.
        while (i < end && bytes[i] !== delimiter && bytes[i] !== LF) i++;
      } else {
        // Unquoted fields lose surrounding spaces (`a, 2020-01-01 , 5`), so readers need not trim.
        let s = i;
        while (i < end && bytes[i] !== delimiter && bytes[i] !== LF) i++;
        let e = i;
        if (bytes[i] !== delimiter && e > s && bytes[e - 1] === CR) e--;
        while (s < e && bytes[s] === SPACE) s++;
        while (e > s && bytes[e - 1] === SPACE) e--;
        this.starts[count] = s;
        this.ends[count] = e;
        this.flags[count++] = 0;
      }
      if (i >= end) {
        if (!final) return -1;
        this.finishRecord(count, newlines);
        return end + 1;
      }
      if (bytes[i] === LF) {
        this.finishRecord(count, newlines + 1);
        return i + 1;
      }
      i++; // past the delimiter
    }
  }

  /**
   * A quote at `quote` that never closes: the record ends with the line the quote opened on,
   * and the next record starts on the line after it.
   */
  private unterminated(bytes: Uint8Array, quote: number, end: number, final: boolean, newlinesBefore: number): number {
    const lf = bytes.indexOf(LF, quote);
    if ((lf < 0 || lf >= end) && !final) throw recordTooLong(this.file, this.recordLine + newlinesBefore);
    this.line += newlinesBefore + 1;
    this.fieldCount = UNTERMINATED;
    return lf < 0 || lf >= end ? end + 1 : lf + 1;
  }

  /** A record that is one empty unquoted field (a line ending, or spaces) is blank: zero fields. */
  private finishRecord(count: number, lines: number): void {
    this.line += lines;
    this.fieldCount = count === 1 && this.flags[0] === 0 && this.starts[0] === this.ends[0] ? 0 : count;
  }

  private splitWhitespace(bytes: Uint8Array, pos: number, end: number, final: boolean): number {
    let count = 0;
    let i = pos;
    this.recordLine = this.line;
    for (;;) {
      while (i < end && (bytes[i] === SPACE || bytes[i] === TAB || bytes[i] === CR)) i++;
      if (i >= end) {
        if (!final) return -1;
        this.line++;
        this.fieldCount = count;
        return end + 1;
      }
      if (bytes[i] === LF) {
        this.line++;
        this.fieldCount = count;
        return i + 1;
      }
      if (count === this.starts.length) this.grow();
      this.starts[count] = i;
      while (i < end && bytes[i] !== SPACE && bytes[i] !== TAB && bytes[i] !== CR && bytes[i] !== LF) i++;
      this.ends[count] = i;
      this.flags[count++] = 0;
    }
  }
}
