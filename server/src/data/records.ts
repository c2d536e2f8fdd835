// Formats that arrive as records (JSON, Parquet, Arrow): the requested columns are pulled
// out of each record with the same parsing and reject rules as the delimited engine.
import { dateParser } from './dates';
import { DataError } from './errors';
import { Rejects } from './rejects';
import type { ColumnRequest, ColumnValues, ScanResult } from './scan';

const encoder = new TextEncoder();

export function recordsToColumns(records: Record<string, unknown>[], requests: ColumnRequest[]): ScanResult {
  const names = records.length ? Object.keys(records[0]) : [];
  for (const r of requests) {
    if (records.length && !(r.name in records[0])) throw new DataError(`The column "${r.name}" is not in the file; its columns are: ${names.join(', ')}.`);
  }
  const rejects = new Rejects();
  const ids = new Map<string, number>();
  const idList: string[] = [];
  const numeric = requests.map(() => new Float64Array(records.length));
  const texts = requests.map(() => [] as string[]);
  const parsers = requests.map((r) => (r.kind === 'date' ? dateParser(r.dateFormat) : null));
  parsers.forEach((p, i) => {
    if (typeof p === 'string') throw new DataError(`Cannot read the column "${requests[i].name}": ${p}.`);
  });
  let rows = 0;
  records.forEach((record, index) => {
    const line = index + 1;
    const staged: (number | string)[] = [];
    for (let j = 0; j < requests.length; j++) {
      const r = requests[j];
      const raw = record[r.name];
      let value: number | string;
      if (r.kind === 'id' || r.kind === 'text') {
        value = raw === null || raw === undefined ? '' : String(raw).trim();
        if (r.kind === 'id' && value === '') return rejects.add(`empty ${r.name}`, line);
      } else if (r.kind === 'date') {
        value = raw instanceof Date ? Math.floor(raw.getTime() / 86_400_000) : typeof raw === 'string' ? (parsers[j] as (b: Uint8Array, s: number, e: number) => number)(encoder.encode(raw), 0, encoder.encode(raw).length) : NaN;
        if (Number.isNaN(value)) return rejects.add(`malformed date in ${r.name} (expected ${r.dateFormat ?? 'ISO YYYY-MM-DD'})`, line);
      } else {
        value = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
        if (Number.isNaN(value)) return rejects.add(`malformed number in ${r.name}`, line);
      }
      staged.push(value);
    }
    staged.forEach((v, j) => {
      const r = requests[j];
      if (r.kind === 'id') {
        let code = ids.get(v as string);
        if (code === undefined) ids.set(v as string, (code = idList.push(v as string) - 1));
        numeric[j][rows] = code;
      } else if (r.kind === 'text') texts[j][rows] = v as string;
      else numeric[j][rows] = v as number;
    });
    rows++;
  });
  const columns = new Map<string, ColumnValues>(
    requests.map((r, j): [string, ColumnValues] => {
      if (r.kind === 'id') return [r.name, { kind: 'id', codes: Int32Array.from(numeric[j].subarray(0, rows)), ids: idList }];
      if (r.kind === 'text') return [r.name, { kind: 'text', values: texts[j] }];
      return [r.name, { kind: r.kind, values: numeric[j].slice(0, rows) }];
    }),
  );
  return { rowsRead: records.length, rows, columns, rejects, names };
}
