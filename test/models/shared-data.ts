// Test-only readers for the shared reference datasets in ../shared (resolved from this file, never
// an absolute path). Production loaders live in server/src/data; these are minimal splits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransactionLog } from '../../server/src/data/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedPath = (...parts: string[]) => path.join(repoRoot, '..', 'shared', ...parts);

export const published = JSON.parse(readFileSync(sharedPath('reference', 'published_values.json'), 'utf8'));

/** Numeric CSV columns by header name (quotes stripped). */
export function readNumericCsv(...parts: string[]): Record<string, Float64Array> {
  const lines = readFileSync(sharedPath(...parts), 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const cols: Record<string, Float64Array> = {};
  header.forEach(
    (h, j) => (cols[h] = Float64Array.from(lines.slice(1), (l) => Number(l.split(',')[j].replace(/"/g, '')))),
  );
  return cols;
}

/** Days since epoch of a YYYYMMDD number. */
export function dayOf(yyyymmdd: string): number {
  return Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) / 86400000;
}

/** CDNOW_sample.txt: whitespace-delimited, CRLF, `master_id sample_id YYYYMMDD cds dollars`. */
export function readCdnowSample(): TransactionLog {
  const lines = readFileSync(sharedPath('data', 'cdnow', 'CDNOW_sample.txt'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const ids = new Map<string, number>();
  const customer = new Int32Array(lines.length),
    time = new Float64Array(lines.length),
    amount = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [, sample, date, , dollars] = line.trim().split(/\s+/);
    if (!ids.has(sample)) ids.set(sample, ids.size);
    customer[i] = ids.get(sample)!;
    time[i] = dayOf(date);
    amount[i] = Number(dollars);
  });
  return { customerIds: [...ids.keys()], customer, time, amount, rows: lines.length };
}

/** The CDNOW calibration summary as BTYD ships it (weeks, calibration end 1997-09-30). */
export function cdnowCbs() {
  const c = readNumericCsv('data', 'cdnow', 'cdnowSummary_cbs.csv');
  return { x: c['x'], tx: c['t.x'], T: c['T.cal'], xStar: c['x.star'] };
}
