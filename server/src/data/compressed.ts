// Gzip-compressed data files (`orders.csv.gz`, a common export) read transparently: a file is
// compressed when it starts with gzip's magic bytes, whatever its name. Whole loads stream
// through zlib (the decompressed file is never held whole); heads for the editor and schema
// sampling decompress only a prefix, bounded, so a small file that expands enormously (a
// "zip bomb") cannot take the language server's memory.
import { closeSync, openSync, readSync } from 'node:fs';
import { createReadStream, type ReadStream } from 'node:fs';
import { createGunzip, constants, gunzipSync } from 'node:zlib';
import { DataError } from './errors';

/** Whether the bytes start with the gzip magic number (1f 8b). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Most bytes a head's decompression may produce before it is cut (bounds a zip bomb's output). */
const MAX_HEAD_OUTPUT = 64 << 20;

function headError(path: string, err: unknown): DataError {
  return new DataError(`Cannot decompress "${path}" (gzip): ${(err as Error).message}.`);
}

/**
 * The first `maxBytes` decompressed bytes of a gzip file: compressed prefixes of growing size
 * are decompressed until they give enough (or the file ends).
 */
export function gunzipHeadSync(path: string, maxBytes: number): { bytes: Buffer; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    for (let size = Math.max(4096, maxBytes >> 4); ; size *= 2) {
      const compressed = Buffer.allocUnsafe(size);
      const n = readSync(fd, compressed, 0, size, 0);
      let out: Buffer;
      try {
        // A cut-off stream is expected here: flush what it holds instead of failing at its end.
        out = gunzipSync(compressed.subarray(0, n), {
          finishFlush: constants.Z_SYNC_FLUSH,
          maxOutputLength: MAX_HEAD_OUTPUT,
        });
      } catch (err) {
        throw headError(path, err);
      }
      const ended = n < size;
      if (out.length >= maxBytes || ended)
        return { bytes: out.subarray(0, Math.min(out.length, maxBytes)), complete: ended && out.length <= maxBytes };
    }
  } finally {
    closeSync(fd);
  }
}

/** The decompressed pieces of a gzip file as they come, and how many compressed bytes were read. */
export async function* gunzipPieces(path: string): AsyncGenerator<{ piece: Buffer; compressedRead: number }> {
  const file: ReadStream = createReadStream(path, { highWaterMark: 1 << 20 });
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  file.pipe(gunzip);
  file.on('error', (err) => gunzip.destroy(err));
  try {
    for await (const piece of gunzip) yield { piece: piece as Buffer, compressedRead: file.bytesRead };
  } catch (err) {
    throw err instanceof DataError
      ? err
      : new DataError(`Cannot decompress "${path}" (gzip): ${(err as Error).message}.`);
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}
