// Where a source's rows come from: local files. Delimited text streams through the byte
// scanner; JSON, Parquet and Arrow are decoded into column arrays. (Warehouse tables and
// queries are read through a connection instead: engines/sql/.) Relative paths resolve
// against the notebook's folder, and a file that cannot be opened is an error naming the
// full path.
import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { DataError, UnreadableFileError } from '../errors';
import { interrupted } from '../file-chunks';
import { delimitedLayout, isDelimited, loadDelimited } from '../formats/delimited';
import { arrowTable } from '../formats/arrow';
import { jsonTable } from '../formats/json';
import { isJsonArray, loadJsonLines } from '../formats/json-lines';
import { parquetTable, type ParquetProgress } from '../formats/parquet';
import { decodedToColumnar, type DecodedTable } from '../formats/value-columns';
import type { ColumnarResult, ColumnRequest, LoadOptions, SourceFormat, SourceSpec } from '../types';

/** The absolute path of a source file: relative paths are relative to the notebook's folder. */
export function resolveSourcePath(path: string, baseDir?: string): string {
  return isAbsolute(path) ? path : resolve(baseDir ?? process.cwd(), path);
}

function unreadable(path: string, err: unknown): DataError {
  const code = (err as NodeJS.ErrnoException).code;
  return new UnreadableFileError(
    path,
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message,
  );
}

/**
 * Only regular files are data: opening a FIFO blocks until something writes to it (it hung
 * `check`, `run` and the whole language server), and a device or socket never ends.
 */
function sizeOf(s: Stats, path: string): number {
  if (s.isFile()) return s.size;
  const kind = s.isDirectory()
    ? 'a folder'
    : s.isFIFO()
      ? 'a named pipe (FIFO)'
      : s.isSocket()
        ? 'a socket'
        : s.isCharacterDevice() || s.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  throw new UnreadableFileError(path, `it is ${kind}, not a regular file; point the source at a data file`);
}

/** The file's size, or a DataError saying which path cannot be read and why. */
export async function checkedFile(path: string): Promise<number> {
  return sizeOf(await stat(path).catch((err) => Promise.reject(unreadable(path, err))), path);
}

export function checkedFileSync(path: string): number {
  try {
    return sizeOf(statSync(path), path);
  } catch (err) {
    throw err instanceof DataError ? err : unreadable(path, err);
  }
}

function layoutOf(spec: SourceSpec) {
  return delimitedLayout(spec.format, spec.delimiter, spec.header, spec.columns);
}

async function decoded(
  spec: SourceSpec,
  path: string,
  columns: string[],
  progress?: ParquetProgress,
): Promise<DecodedTable> {
  if (spec.format === 'json') return jsonTable(path);
  if (spec.format === 'parquet') return parquetTable(path, columns, undefined, progress);
  return arrowTable(path);
}

const FILE_FORMATS: readonly SourceFormat[] = ['csv', 'tsv', 'text', 'json', 'parquet', 'arrow'];

/** The requested columns of a source's file as typed arrays, with unreadable rows counted. */
export async function loadFile(
  spec: SourceSpec,
  requests: ColumnRequest[],
  options: LoadOptions,
): Promise<ColumnarResult> {
  if (!(FILE_FORMATS as readonly string[]).includes(spec.format))
    throw new DataError(`Unknown data format "${spec.format}"; known formats: ${FILE_FORMATS.join(', ')}.`);
  const path = resolveSourcePath(spec.path, spec.baseDir);
  const size = await checkedFile(path);
  const onChunk = (bytesRead: number, total: number) =>
    options.onProgress?.(
      total ? bytesRead / total : 1,
      `read ${Math.round(bytesRead / 1e6)} of ${Math.round(total / 1e6)} MB`,
      bytesRead,
      total,
    );
  // Delimited text and JSON lines stream; the other formats decode whole.
  const streamed = isDelimited(spec.format)
    ? await loadDelimited(path, { layout: layoutOf(spec), requests }, { signal: options.signal, onChunk }, size)
    : spec.format === 'json' && !(await isJsonArray(path))
      ? await loadJsonLines(path, requests, { signal: options.signal, onChunk })
      : undefined;
  if (streamed) {
    options.onProgress?.(1, `read ${streamed.rowsRead.toLocaleString('en-US')} rows`, size, size);
    return streamed;
  }
  // Decoding (Parquet reports per row group) is the first half of the progress, turning the
  // decoded values into typed columns the second.
  const rowsProgress = (from: number, verb: string) => (done: number, rows: number) => {
    const fraction = rows ? done / rows : 1;
    options.onProgress?.(
      from + fraction / 2,
      `${verb} ${done.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows`,
      Math.round(size * (from + fraction / 2)),
      size,
    );
  };
  const table = await decoded(
    spec,
    path,
    requests.map((r) => r.name),
    { signal: options.signal, onGroup: rowsProgress(0, 'decoded') },
  );
  if (options.signal?.aborted) throw interrupted();
  const result = decodedToColumnar(table, requests, {
    signal: options.signal,
    onRows: rowsProgress(0.5, 'read'),
  });
  options.onProgress?.(1, `read ${result.rowsRead.toLocaleString('en-US')} rows`, size, size);
  return result;
}
