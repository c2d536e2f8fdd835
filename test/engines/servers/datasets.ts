// The data every engine test reads, as CSV files with a header (COPY and ClickHouse's CSV
// input read them in bulk): the CDNOW sample, the seeded 1M-row generated log, and the
// generated log with junk rows, returns, times of day and same-day duplicates that the
// DuckDB tests read too (test/warehouse/generated-log.ts).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedCsv, type GeneratedCsv } from '../../kernel/generated-csv';
import { writeGeneratedLog } from '../../warehouse/generated-log';
import { repoRoot } from '../../data/helpers';

export const CDNOW_TEXT = join(repoRoot, 'samples', 'cdnow', 'data', 'CDNOW_sample.txt');
export const GENERATED_ROWS = 1_000_000;
export const JUNK_ROWS = 20_000;

/** A customer id and a table name that try to break out of their quotes in either dialect. */
export const HOSTILE_CUSTOMER = `O'Brien"; DROP TABLE cdnow; --`;
export const HOSTILE_TABLE = `orders'"\`; DROP TABLE cdnow; --`;

export interface Datasets {
  /** master_id,sample_id,date (ISO),cds,sales */
  cdnow: string;
  generated: GeneratedCsv;
  /** customer,date,amount,channel with junk rows (JUNK_ROWS of them, before junk). */
  junk: string;
  /** customer_id,date,amount: a few CDNOW rows, one customer with HOSTILE_CUSTOMER as id. */
  hostile: string;
}

let cached: Datasets | undefined;

export function datasets(): Datasets {
  if (cached) return cached;
  const dir = join(tmpdir(), 'clv-engine-datasets');
  mkdirSync(dir, { recursive: true });
  const cdnow = join(dir, 'cdnow.csv');
  const lines = readFileSync(CDNOW_TEXT, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/));
  if (!existsSync(cdnow)) {
    const csv = lines.map(
      ([m, s, d, c, v]) => `${m},${s},${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)},${c},${v}`,
    );
    writeAtomically(cdnow, ['master_id,sample_id,date,cds,sales', ...csv].join('\n') + '\n');
  }
  const hostile = join(dir, 'hostile.csv');
  if (!existsSync(hostile)) {
    const rows = lines.slice(0, 40).map(([m, , d, , v], i) => {
      const id = i < 4 ? `"${HOSTILE_CUSTOMER.replaceAll('"', '""')}"` : m;
      return `${id},${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)},${v}`;
    });
    writeAtomically(hostile, ['customer_id,date,amount', ...rows].join('\n') + '\n');
  }
  const junk = join(dir, `junk-${JUNK_ROWS}.csv`);
  if (!existsSync(junk)) writeGeneratedLog(junk, JUNK_ROWS);
  cached = { cdnow, generated: generatedCsv(GENERATED_ROWS), junk, hostile };
  return cached;
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
