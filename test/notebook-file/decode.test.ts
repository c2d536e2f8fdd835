// A notebook's bytes decode exactly or not at all: a file that is not UTF-8 is refused with
// the offset of its first bad byte (the CLI and the editor's serializer both decode here).
import assert from 'node:assert/strict';
import { decodeNotebook, NotebookEncodingError } from '../../server/src/notebook-file';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decoding a notebook file', () => {
  it('refuses Latin-1 with the byte offset of the first bad byte', () => {
    assert.throws(
      () => decodeNotebook(bytes('# Café menu\n\nCaf', [0xe9], '\n')),
      (e: Error) =>
        e instanceof NotebookEncodingError && e.offset === 17 && /not valid UTF-8 at byte 17/.test(e.message),
    );
  });

  it('finds the bad byte after real U+FFFD characters and multi-byte text', () => {
    assert.throws(
      () => decodeNotebook(bytes('\uFFFD é € 😀 \uFFFD', [0xff], 'x')),
      (e: NotebookEncodingError) => e.offset === Buffer.byteLength('\uFFFD é € 😀 \uFFFD'),
    );
    assert.throws(
      () => decodeNotebook(bytes('ok', [0xe2, 0x82])),
      (e: NotebookEncodingError) => e.offset === 2,
    );
  });

  it('decodes valid UTF-8 exactly, keeping a byte-order mark and real U+FFFD', () => {
    assert.equal(decodeNotebook(bytes([0xef, 0xbb, 0xbf], '# \uFFFD é\r\n')), '\uFEFF# \uFFFD é\r\n');
  });
});
