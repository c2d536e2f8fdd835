// Parquet through hyparquet: the footer gives the column names and row count; only the
// requested columns are decoded, each as one column array (no row objects).
import { readFile } from 'node:fs/promises';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { DecodedTable } from './value-columns';

async function fileBuffer(path: string): Promise<ArrayBuffer> {
  const bytes = await readFile(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function parquetColumnNames(path: string): Promise<string[]> {
  const metadata = parquetMetadata(await fileBuffer(path));
  return parquetSchema(metadata).children.map((c) => c.element.name);
}

/** The named columns (all when `columns` is undefined), optionally only the first `rowEnd` rows. */
export async function parquetTable(path: string, columns: string[] | undefined, rowEnd?: number): Promise<DecodedTable> {
  const file = await fileBuffer(path);
  const metadata = parquetMetadata(file);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const wanted = columns ?? names;
  const rows = Math.min(Number(metadata.num_rows), rowEnd ?? Infinity);
  const data = new Map<string, unknown[]>(wanted.filter((n) => names.includes(n)).map((n) => [n, new Array<unknown>(rows)]));
  // Column chunks (per row group) go straight into one array per column: no row objects.
  await parquetRead({
    file,
    metadata,
    columns: [...data.keys()],
    rowEnd: rows,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const out = data.get(columnName);
      if (!out) return;
      for (let i = 0; i < columnData.length && rowStart + i < rows; i++) out[rowStart + i] = columnData[i];
    },
  });
  return {
    names,
    rows,
    column: (name) => data.get(name) ?? [],
    rowText: (i) => wanted.map((c) => `${c}=${String(data.get(c)?.[i])}`).join(', '),
    line: (i) => i + 1,
  };
}
