// Small transaction logs written into a fresh temp folder, for kernel tests that need exact,
// hand-countable data (every purchase of every customer is known to the test).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../server/src/models/generate/random';

const DAY_MS = 86_400_000;
export const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 2020-01-01 in days since the epoch: day 0 of every log here. */
export const DAY0 = Date.UTC(2020, 0, 1) / DAY_MS;

export interface Purchase {
  customer: string;
  /** Days after DAY0. */
  day: number;
  amount: number;
}

/** `YYYYMMDD` of a day since the epoch. */
export const compactDate = (day: number) => iso(day).replaceAll('-', '');

/** A fresh folder holding `name` with a `customer_id,date,amount` header and one line per purchase. */
export function writeLog(purchases: Purchase[], name = 'orders.csv'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clv-small-log-'));
  const file = join(dir, name);
  const lines = purchases.map((p) => `${p.customer},${iso(DAY0 + p.day)},${p.amount.toFixed(2)}`);
  writeFileSync(file, ['customer_id,date,amount', ...lines].join('\n') + '\n');
  return { dir, file };
}

/**
 * `customers` customers with first purchases in the first 30 days and repeat purchases at
 * random until day `lastDay` (inclusive), each leaving after a purchase with probability
 * `dropout` (0: nobody leaves), seeded: the same log on every run.
 */
export function randomPurchases(customers: number, lastDay: number, seed = 7, dropout = 0): Purchase[] {
  const random = seededRandom(seed);
  const out: Purchase[] = [];
  for (let c = 0; c < customers; c++) {
    const customer = `C${String(c + 1).padStart(4, '0')}`;
    const spend = 10 + 90 * random();
    const rate = random() * 0.2;
    for (
      let day = Math.floor(random() * 30);
      day <= lastDay;
      day += 1 + Math.floor(-Math.log(random() || 1e-9) / (rate || 1e-3))
    ) {
      out.push({ customer, day, amount: spend * (0.5 + random()) });
      // After each purchase a customer leaves with probability `dropout` (BG/NBD's story).
      if (dropout > 0 && random() < dropout) break;
    }
  }
  return out;
}
