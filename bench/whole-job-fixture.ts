// The whole job of issue 17, the one measured against Python lifetimes: a seeded log of
// 707,844 rows for 200,000 customers (`customer_id,date,amount`, daily dates over 78 weeks,
// same-day repeats present) and a notebook with a source, a split that takes the whole log as
// calibration, BG/NBD and Gamma-Gamma, two values, two small tables filtered on customer ids
// and an export of every customer. Written once into the OS temp folder; the whole-job bench
// and the lifetimes side-by-side script both use it.
import { existsSync, mkdirSync, renameSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTransactions } from '../server/src/models/generate/transactions';

export const JOB_ROWS = 707_844;
export const JOB_CUSTOMERS = 200_000;
const DAY_MS = 86_400_000;
const START_DAY = Date.UTC(2024, 0, 1) / DAY_MS;
/** 78 weeks of daily dates. */
const LAST_DAY = START_DAY + 78 * 7 - 1;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Customer ids the two filtered tables ask for. */
export const TABLE_CUSTOMERS = [
  ['C17', 'C4711', 'C123456'],
  ['C1', 'C99999', 'C150000', 'C199999'],
];

export interface JobFiles {
  dir: string;
  csv: string;
  notebook: string;
  /** Where the notebook's export lands. */
  export: string;
  lastDate: string;
}

/** The notebook: the job an analyst runs, cell by cell. */
export function jobNotebook(lastDate: string): string {
  const where = (ids: string[]) => ids.map((id) => `customer = "${id}"`).join(' or ');
  const cells = [
    `source orders = csv "transactions.csv" {\n  customer = customer_id\n  date     = date\n  amount   = amount\n}`,
    `split cal = orders until ${lastDate}, in weeks`,
    'model purchases = bgnbd(cal)\nmodel spend = gamma_gamma(cal)',
    'value year = lifetime_value(purchases, spend) {\n  horizon 52 weeks\n}',
    'value clv = lifetime_value(purchases, spend) {\n  horizon  12 months\n  discount 1% per month\n}',
    `table watched = clv {\n  where ${where(TABLE_CUSTOMERS[0])}\n}`,
    `table sample = year {\n  where ${where(TABLE_CUSTOMERS[1])}\n}`,
    'export clv to "customers.csv"',
  ];
  return `# The whole job\n\n${cells.map((c) => '```clv\n' + c + '\n```\n').join('\n')}`;
}

/**
 * The BG/NBD story with CDNOW-like parameters (r chosen so 200,000 customers make just over
 * 707,844 purchases over 78 weeks), then the surplus taken off the last customers' repeat
 * purchases so the row count is exact and every customer keeps a first purchase.
 */
function writeLog(path: string) {
  const log = generateTransactions({
    customers: JOB_CUSTOMERS,
    seed: 17,
    model: { kind: 'bgnbd', r: 0.37, alpha: 4.4, a: 0.8, b: 2.4 },
    spend: { p: 6.25, q: 3.74, gamma: 15.44 },
    startDay: START_DAY,
    acquisitionDays: 84,
    endDay: LAST_DAY,
  });
  const keep = new Uint8Array(log.rows).fill(1);
  let surplus = log.rows - JOB_ROWS;
  if (surplus < 0) throw new Error(`the generator made ${log.rows} rows, fewer than ${JOB_ROWS}`);
  for (let i = log.rows - 1; i > 0 && surplus > 0; i--) {
    if (log.customer[i] === log.customer[i - 1]) {
      keep[i] = 0;
      surplus--;
    }
  }
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  writeSync(fd, 'customer_id,date,amount\n');
  let chunk: string[] = [];
  for (let i = 0; i < log.rows; i++) {
    if (!keep[i]) continue;
    chunk.push(`${log.customerIds[log.customer[i]]},${iso(log.time[i])},${log.amount![i].toFixed(2)}`);
    if (chunk.length === 100_000) {
      writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  writeSync(fd, chunk.join('\n') + '\n');
  closeSync(fd);
  renameSync(temp, path);
}

/** The log and the notebook, written once per machine. */
export function jobFiles(): JobFiles {
  const dir = join(tmpdir(), 'clv-whole-job');
  const csv = join(dir, 'transactions.csv');
  const notebook = join(dir, 'job.clvnb');
  const lastDate = iso(LAST_DAY);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(csv)) writeLog(csv);
  writeFileSync(notebook, jobNotebook(lastDate));
  return { dir, csv, notebook, export: join(dir, 'customers.csv'), lastDate };
}
