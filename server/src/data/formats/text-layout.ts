// What a delimited file really is, when it is not what the source declares: a UTF-16 file, a
// file whose lines end with CR alone (classic Mac), a ZIP archive (an Excel workbook), or a
// first line split by another delimiter. Looked at once, on the first bytes, so the author
// reads what was detected and what to write instead of "no column customer_id".
import { DELIMITER_WORDS } from '../../language/catalog/options';
import type { DelimitedLayout } from './delimited';

const LF = 10;
const CR = 13;

/** A reason the bytes cannot be read as declared (a whole sentence), or null. */
export function encodingProblem(head: Uint8Array): string | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const order = head[0] === 0xff ? 'little-endian' : 'big-endian';
    return `The file is UTF-16 text (${order} byte-order mark); save it as UTF-8 (for example \`iconv -f UTF-16 -t UTF-8\`).`;
  }
  // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
  const n = Math.min(head.length, 256);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros++;
  if (n >= 8 && zeros * 3 >= n)
    return 'The file looks like UTF-16 text (a zero byte beside every character); save it as UTF-8 (for example `iconv -f UTF-16LE -t UTF-8`).';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4)
    return 'The file is a ZIP archive (an Excel workbook?), not delimited text; export the sheet as CSV.';
  return null;
}

/** A file with CR line ends and no LF in its first bytes (which hold more than one line). */
export function lineEndProblem(head: Uint8Array): string | null {
  if (head.indexOf(LF) >= 0) return null;
  const cr = head.indexOf(CR);
  if (cr < 0 || cr === head.length - 1) return null;
  return 'Its lines end with a carriage return alone (classic Mac line ends), so the whole file reads as one line; save it with LF or CRLF line ends (for example `tr "\\r" "\\n"`).';
}

const CANDIDATES = Object.entries(DELIMITER_WORDS).filter(([word]) => word !== 'whitespace');

function fieldsOf(line: Uint8Array, delimiter: number): number {
  let n = 1;
  for (let i = 0; i < line.length; i++) if (line[i] === delimiter) n++;
  return n;
}

/**
 * When the first line has no declared delimiter but another one splits it into several
 * fields: the sentence saying which, and the option to write.
 */
export function delimiterProblem(head: Uint8Array, layout: DelimitedLayout): string | null {
  if (layout.delimiter === 'whitespace') return null;
  let end = head.indexOf(LF);
  if (end < 0) end = head.length;
  const first = head.subarray(0, end);
  if (fieldsOf(first, layout.delimiter) > 1) return null;
  let best: [string, number] | null = null;
  for (const [word, char] of CANDIDATES) {
    const n = fieldsOf(first, char.charCodeAt(0));
    if (n > 1 && (!best || n > best[1])) best = [word, n];
  }
  if (!best) return null;
  return `Its first line is separated by ${best[0] === 'tab' ? 'tabs' : `${best[0]}s`} (${best[1]} fields), not by the declared delimiter: write \`delimiter ${best[0]}\` in the source block.`;
}
