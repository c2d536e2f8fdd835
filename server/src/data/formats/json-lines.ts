// Loading JSON lines (one record per line) in chunks: the file never becomes one string, each
// record goes to the column builder as it is parsed, and between chunks the load reports
// progress and stops on an interrupt, as a CSV load does. The columns are the keys of the
// first records (json.ts); a line that does not parse is a rejected row.
import { MAX_RECORD_BYTES, recordTooLong } from '../csv-scanner';
import { readHead, streamChunks, type ChunkOptions } from '../file-chunks';
import { REJECT_REASONS } from '../policy';
import type { ColumnarResult, ColumnRequest } from '../types';
import { missingColumn } from './delimited';
import { addKeys, NAMES_FROM_RECORDS, recordOf } from './json';
import { ColumnarBuilder } from './value-columns';

const NEWLINE = 10;

/** Whether a JSON file holds one array (its first character after a BOM and blanks is `[`) rather than lines. */
export async function isJsonArray(path: string): Promise<boolean> {
  const { bytes } = await readHead(path, 4096);
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('[');
}

export async function loadJsonLines(
  path: string,
  requests: ColumnRequest[],
  options: ChunkOptions,
): Promise<ColumnarResult> {
  const builder = new ColumnarBuilder(requests);
  const names = new Set<string>();
  const checkColumns = () => {
    for (const r of requests) if (!names.has(r.name)) throw missingColumn(r.name, [...names]);
  };
  let records = 0;
  let line = 0;
  await streamChunks(
    path,
    (buffer, end, final) => {
      // Whole lines only: the rest of the chunk waits for the next read.
      const stop = final ? end : buffer.lastIndexOf(NEWLINE, end - 1) + 1;
      if (stop === 0 && end > MAX_RECORD_BYTES) throw recordTooLong(path, line + 1);
      const lines = buffer.toString('utf8', 0, stop).split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const raw of lines) {
        line++;
        const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
        if (text === '') continue;
        const record = recordOf(text);
        if (records < NAMES_FROM_RECORDS) addKeys(names, record);
        if (++records === NAMES_FROM_RECORDS) checkColumns();
        builder.add(
          (j) => record?.[requests[j].name],
          line,
          () => text,
          record === undefined ? REJECT_REASONS.notJson : null,
        );
      }
      return stop;
    },
    options,
  );
  if (records < NAMES_FROM_RECORDS) checkColumns();
  return builder.result([...names]);
}
