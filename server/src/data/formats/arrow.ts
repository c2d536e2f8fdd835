// Arrow IPC (file or stream format) through flechette, the decoder Arquero bundles: each
// requested column is extracted as one array (typed for numbers, Date objects for dates).
import { readFile } from 'node:fs/promises';
import { tableFromIPC } from '@uwdata/flechette';
import type { DecodedTable } from './value-columns';

export async function arrowTable(path: string): Promise<DecodedTable> {
  return arrowTableFromBytes(await readFile(path));
}

export function arrowTableFromBytes(bytes: Uint8Array): DecodedTable {
  // Dates and timestamps as Date objects, so the schema shows them as dates, not integers.
  const table = tableFromIPC(bytes, { useDate: true });
  const names = table.names;
  const cache = new Map<string, ArrayLike<unknown>>();
  const column = (name: string) => {
    let values = cache.get(name);
    if (!values) cache.set(name, (values = (table.getChild(name)?.toArray() ?? []) as ArrayLike<unknown>));
    return values;
  };
  return {
    names,
    rows: table.numRows,
    column,
    rowText: (i) => JSON.stringify(table.at(i), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    line: (i) => i + 1,
  };
}
