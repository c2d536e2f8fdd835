// Test-only readers for the reference data in test/fixtures/models and the CDNOW sample in
// samples/cdnow/data (resolved from this file). Production loaders live in server/src/data;
// these are minimal splits, independent of the code under test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransactionLog } from '../../server/src/data/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'models');
export const cdnowSamplePath = path.join(repoRoot, 'samples', 'cdnow', 'data', 'CDNOW_sample.txt');
export const donationsPath = path.join(repoRoot, 'samples', 'donations', 'data', 'donations.csv');

/** `{ value, cite }` leaves become their values: the shape the tests index into. */
function withoutCitations(node: unknown): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  if ('value' in node && 'cite' in node) return node.value;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withoutCitations(value)]));
}

/** The values as a JSON tree the tests index by name. */
export const published: any = withoutCitations(
  JSON.parse(readFileSync(path.join(fixtures, 'published-values.json'), 'utf8')),
);

/** Numeric CSV columns by header name (quotes stripped). */
export function readNumericCsv(file: string): Record<string, Float64Array> {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const cols: Record<string, Float64Array> = {};
  header.forEach(
    (h, j) => (cols[h] = Float64Array.from(lines.slice(1), (l) => Number(l.split(',')[j].replace(/"/g, '')))),
  );
  return cols;
}

/** A file of BTYD's CDNOW summaries in test/fixtures/models/cdnow. */
export const readCdnowSummary = (file: string) => readNumericCsv(path.join(fixtures, 'cdnow', file));

/** Days since epoch of a YYYYMMDD number. */
export function dayOf(yyyymmdd: string): number {
  return Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) / 86400000;
}

/** CDNOW_sample.txt: whitespace-delimited, CRLF, `master_id sample_id YYYYMMDD cds dollars`. */
export function readCdnowSample(): TransactionLog {
  const lines = readFileSync(cdnowSamplePath, 'utf8')
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
  const c = readCdnowSummary('cdnowSummary_cbs.csv');
  return { x: c['x'], tx: c['t.x'], T: c['T.cal'], xStar: c['x.star'] };
}

/** Mean repeat spend per customer (BTYD's m.x), in the order of `cdnowCbs`. */
export const cdnowMeanSpend = () => readCdnowSummary('cdnowSummary_m_x.csv').value;

/** Half up to 2 decimals, as the 2-decimal CDNOW files of lifetimes' tests were written (22.345 → 22.35). */
const twoDecimals = (values: Float64Array) => values.map((v) => Math.floor(v * 100 + 0.5 + 1e-7) / 100);

/** lifetimes' `cdnow_customers_summary_with_transactions.csv`: x, t_x, T and zbar rounded to 2 decimals. */
export function cdnowRoundedSummary() {
  const cbs = cdnowCbs();
  return { x: cbs.x, tx: twoDecimals(cbs.tx), T: twoDecimals(cbs.T), zbar: twoDecimals(cdnowMeanSpend()) };
}
