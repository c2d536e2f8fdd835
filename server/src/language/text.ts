// Offset ↔ line/column conversion for one cell's text. Lines and columns are 0-based (as in
// LSP); columns count UTF-16 code units, which is what JavaScript string offsets already are.

export interface Position {
  line: number;
  character: number;
}

/**
 * Whether a line ends with the character at `i`: an LF, or a CR that is not the first half of
 * a CRLF. Line breaks are LF, CRLF and a lone CR, as in LSP, CommonMark and the notebook file's
 * own line splitting (notebook-file/lines.ts).
 */
export function breaksLineAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** Whether `text` holds a line break. */
export const hasLineBreak = (text: string) => /[\r\n]/.test(text);

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (breaksLineAt(text, i)) this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Binary search: the last line start <= offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const nextStart =
      position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length + 1;
    // A column past the end of the line lands on the line's end (before its newline).
    return Math.min(lineStart + Math.max(0, position.character), nextStart - 1);
  }
}
