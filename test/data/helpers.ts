// Shared paths and spec builders for the data tests.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedSource, SourceSpec } from '../../server/src/data';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures', 'data');
/** A data file of one of the samples (samples/<sample>/data/<file>). */
export const sampleData = (sample: string, file: string) => join(repoRoot, 'samples', sample, 'data', file);

/** A transaction source over customer/date/amount columns of a fixture (relative to the fixtures folder). */
export function orders(path: string, over: Partial<SourceSpec> = {}, date?: string): SourceSpec {
  return {
    path,
    baseDir: fixtures,
    format: 'csv',
    kind: 'transactions',
    mappings: [
      { role: 'customer', columns: ['customer'] },
      { role: 'date', columns: ['date'], format: date },
      { role: 'amount', columns: ['amount'] },
    ],
    ...over,
  };
}

export function transactions(loaded: LoadedSource) {
  if (loaded.kind !== 'transactions') throw new Error(`expected transactions, got ${loaded.kind}`);
  return loaded;
}

/** A row predicate (as a source's `where` becomes) keeping the rows of every customer but `id`. */
export function notCustomer(id: string): SourceSpec['filter'] {
  return (columns, rows) => {
    const customer = columns.get('customer') as string[];
    return Uint8Array.from({ length: rows }, (_, i) => Number(customer[i] !== id));
  };
}
