// A `.clvnb` file's bytes as text, exactly or not at all. Notebooks are UTF-8; a file in
// another encoding (Latin-1 `Caf\xe9`) would decode with U+FFFD in place of its bytes, and
// writing that text back (fmt, an editor save) would destroy them. So a file that is not
// valid UTF-8 is refused with where the first bad byte is, and nothing is ever written.

/** The bytes are not UTF-8; `offset` is the 0-based byte offset of the first bad sequence. */
export class NotebookEncodingError extends Error {
  constructor(readonly offset: number) {
    super(
      `not valid UTF-8 at byte ${offset}: notebooks are UTF-8 text; convert the file (e.g. iconv -f LATIN1 -t UTF-8) and open it again`,
    );
  }
}

const REPLACEMENT = '\uFFFD';
// ignoreBOM keeps a byte-order mark in the text, so the format can write it back.
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** The text of a notebook file; throws NotebookEncodingError when the bytes are not UTF-8. */
export function decodeNotebook(bytes: Uint8Array): string {
  const text = lenient.decode(bytes);
  // A U+FFFD in the text is either in the file (three valid bytes) or stands for bad bytes.
  for (let at = text.indexOf(REPLACEMENT), byte = 0, counted = 0; at >= 0; at = text.indexOf(REPLACEMENT, at + 1)) {
    byte += encoder.encode(text.slice(counted, at)).length;
    counted = at;
    if (!(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd))
      throw new NotebookEncodingError(byte);
  }
  return text;
}
