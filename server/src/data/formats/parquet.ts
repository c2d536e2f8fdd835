// Parquet through hyparquet: the footer gives the column names and row count; only the
// requested columns are read from the file (byte ranges of their column chunks, not the whole
// file) and decoded, each as one column array (no row objects), one row group at a time so
// that a large file reports progress and stops on an interrupt between groups.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  asyncBufferFromFile,
  parquetMetadata,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type SchemaElement,
} from 'hyparquet';
import { interrupted } from '../file-chunks';
import type { DecodedTable } from './value-columns';

/** The file, read in byte ranges on demand, and its footer. */
async function openParquet(path: string) {
  const file = await asyncBufferFromFile(path);
  return { file, metadata: await parquetMetadataAsync(file) };
}

export async function parquetColumnNames(path: string): Promise<string[]> {
  const { metadata } = await openParquet(path);
  return parquetSchema(metadata).children.map((c) => c.element.name);
}

export interface ParquetProgress {
  signal?: AbortSignal;
  /** After each row group: rows decoded so far and rows in all. */
  onGroup?: (rowsDone: number, rows: number) => void;
}

/** The named columns (all when `columns` is undefined), optionally only the first `rowEnd` rows. */
export async function parquetTable(
  path: string,
  columns: string[] | undefined,
  rowEnd?: number,
  progress: ParquetProgress = {},
): Promise<DecodedTable> {
  const { file, metadata } = await openParquet(path);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const wanted = columns ?? names;
  const rows = Math.min(Number(metadata.num_rows), rowEnd ?? Infinity);
  const data = new Map<string, unknown[]>(
    wanted.filter((n) => names.includes(n)).map((n) => [n, new Array<unknown>(rows)]),
  );
  // Column chunks go straight into one array per column: no row objects.
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    if (groupStart >= rows) break;
    if (progress.signal?.aborted) throw interrupted();
    const groupEnd = Math.min(rows, groupStart + Number(group.num_rows));
    await parquetRead({
      file,
      metadata,
      columns: [...data.keys()],
      rowStart: groupStart,
      rowEnd: groupEnd,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const out = data.get(columnName);
        if (!out) return;
        for (let i = 0; i < columnData.length && rowStart + i < groupEnd; i++) out[rowStart + i] = columnData[i];
      },
    });
    groupStart = groupEnd;
    progress.onGroup?.(groupStart, rows);
  }
  return {
    names,
    rows,
    column: (name) => data.get(name) ?? [],
    rowText: (i) => wanted.map((c) => `${c}=${String(data.get(c)?.[i])}`).join(', '),
    line: (i) => i + 1,
  };
}

/**
 * Column names and physical/logical types from the footer alone (the last 8 bytes give the
 * footer's length), synchronously: for the editor, which must not read a whole file.
 */
export function parquetColumnsSync(path: string): { name: string; type: 'integer' | 'number' | 'date' | 'string' }[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(8);
    readSync(fd, tail, 0, 8, size - 8);
    const footerLength = tail.readUInt32LE(0) + 8;
    const footer = Buffer.alloc(Math.min(size, footerLength));
    readSync(fd, footer, 0, footer.length, size - footer.length);
    const metadata = parquetMetadata(footer.buffer.slice(footer.byteOffset, footer.byteOffset + footer.length));
    return parquetSchema(metadata).children.map((c) => ({ name: c.element.name, type: parquetType(c.element) }));
  } finally {
    closeSync(fd);
  }
}

function parquetType(e: SchemaElement): 'integer' | 'number' | 'date' | 'string' {
  const logical = e.logical_type?.type;
  if (
    logical === 'DATE' ||
    logical === 'TIMESTAMP' ||
    e.converted_type === 'DATE' ||
    e.converted_type?.startsWith('TIMESTAMP')
  )
    return 'date';
  if (e.type === 'INT32' || e.type === 'INT64') return 'integer';
  if (e.type === 'FLOAT' || e.type === 'DOUBLE') return 'number';
  return 'string';
}
