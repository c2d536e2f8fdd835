// Streams a file through a consumer in fixed-size chunks, so a 260 MB log never becomes one
// string or one buffer: the consumer takes the whole records of each chunk and hands back
// where the unfinished tail starts; the tail moves to the front of the buffer for the next
// read. Between chunks the abort signal is checked and progress reported. A chunk's length is
// set by time (time-slices.ts): each read is sized so that parsing it takes about SLICE_MS, so
// an interrupt lands well within 200 ms however costly a row is. A gzip file streams through
// zlib into the same chunks (progress counts compressed bytes).
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { gunzipHeadSync, gunzipPieces, isGzip } from './compressed';
import { DataError } from './errors';
import { nextSliceSize } from './time-slices';

/** The buffer; a chunk is at most this long. */
const CHUNK_BYTES = 1 << 21;
/** The first chunk, and the shortest. */
const FIRST_CHUNK_BYTES = 1 << 16;

export interface ChunkOptions {
  signal?: AbortSignal;
  onChunk?: (bytesRead: number, totalBytes: number) => void;
}

/** consume(buffer, end, final) → offset of the first byte not consumed (≤ end). */
export type ChunkConsumer = (buffer: Buffer, end: number, final: boolean) => number;

export function interrupted(): DataError {
  return new DataError('Reading was interrupted.');
}

export async function streamChunks(path: string, consume: ChunkConsumer, options: ChunkOptions = {}): Promise<void> {
  const total = (await stat(path)).size;
  if (isGzip((await readHead(path, 2, false)).bytes)) return streamGzipChunks(path, total, consume, options);
  const handle = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(total, 1)));
    let filled = 0;
    let bytesRead = 0;
    let chunk = FIRST_CHUNK_BYTES;
    for (;;) {
      if (options.signal?.aborted) throw interrupted();
      // A record longer than the buffer (a huge quoted field) doubles it.
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const want = Math.min(buffer.length - filled, chunk);
      const { bytesRead: n } = await handle.read(buffer, filled, want, bytesRead);
      bytesRead += n;
      const end = filled + n;
      const final = n === 0 || bytesRead >= total;
      const began = performance.now();
      const consumed = consume(buffer, end, final);
      chunk = nextSliceSize(end, performance.now() - began, FIRST_CHUNK_BYTES, CHUNK_BYTES);
      options.onChunk?.(bytesRead, total);
      if (final) return;
      buffer.copy(buffer, 0, consumed, end);
      filled = end - consumed;
    }
  } finally {
    await handle.close();
  }
}

/** The decompressed pieces of a gzip file, gathered into the chunks `consume` takes. */
async function streamGzipChunks(path: string, total: number, consume: ChunkConsumer, options: ChunkOptions) {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let filled = 0;
  let compressed = 0;
  let chunk = FIRST_CHUNK_BYTES;
  // Feed the consumer when this much is buffered: a chunk more than it left unconsumed last time.
  let feedAt = chunk;
  const feed = (final: boolean) => {
    if (options.signal?.aborted) throw interrupted();
    const began = performance.now();
    const consumed = consume(buffer, filled, final);
    chunk = nextSliceSize(filled, performance.now() - began, FIRST_CHUNK_BYTES, CHUNK_BYTES);
    options.onChunk?.(final ? total : compressed, total);
    buffer.copy(buffer, 0, consumed, filled);
    filled -= consumed;
    // A record longer than the buffer (within the scanner's bound) doubles it.
    if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    feedAt = Math.min(buffer.length, filled + chunk);
  };
  for await (const { piece, compressedRead } of gunzipPieces(path)) {
    compressed = compressedRead;
    for (let at = 0; at < piece.length;) {
      const n = piece.copy(buffer, filled, at);
      filled += n;
      at += n;
      if (filled >= feedAt) feed(false);
    }
  }
  feed(true);
}

/** The first `maxBytes` of a file, decompressed when it is gzip (for headers and samples). */
export async function readHead(
  path: string,
  maxBytes: number,
  decompress = true,
): Promise<{ bytes: Buffer; complete: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    if (decompress && isGzip(buffer.subarray(0, bytesRead))) return gunzipHeadSync(path, maxBytes);
    return { bytes: buffer.subarray(0, bytesRead), complete: bytesRead < maxBytes };
  } finally {
    await handle.close();
  }
}

/** readHead for callers that must answer synchronously (the language server's checker). */
export function readHeadSync(path: string, maxBytes: number): { bytes: Buffer; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(maxBytes);
    const bytesRead = readSync(fd, buffer, 0, maxBytes, 0);
    if (isGzip(buffer.subarray(0, bytesRead))) return gunzipHeadSync(path, maxBytes);
    return { bytes: buffer.subarray(0, bytesRead), complete: bytesRead < maxBytes };
  } finally {
    closeSync(fd);
  }
}

/** A whole file (formats decoded whole: JSON arrays, Arrow), decompressed when it is gzip. */
export async function readWhole(path: string): Promise<Buffer> {
  const bytes = await readFile(path);
  return isGzip(bytes) ? gunzipSync(bytes) : bytes;
}
