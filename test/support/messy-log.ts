// The generated transaction log as it lands in a real system: the seeded BG/NBD log of
// test/kernel/generated-csv.ts with returns (negative amounts), same-day repeat purchases, and
// junk rows (unparseable or empty dates, non-numeric or empty amounts) mixed in, seeded so
// every run and every engine reads the same file. The file engine reads the CSV; the
// warehouse tests load the same rows into PostgreSQL and ClickHouse with text columns.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../server/src/models/generate/random';
import { generatedCsv, type GeneratedCsv } from '../kernel/generated-csv';

/** What was mixed in, so tests can check every row is accounted for. */
export interface MessyCounts {
  clean: number;
  sameDay: number;
  returns: number;
  badDate: number;
  emptyDate: number;
  badAmount: number;
  emptyAmount: number;
}

export interface MessyCsv extends GeneratedCsv {
  counts: MessyCounts;
}

/** `customer_id,order_date,amount` from the `rows`-row generated log plus the extra rows. */
export function messyCsv(rows: number): MessyCsv {
  const base = generatedCsv(rows);
  const file = join(base.dir, `messy-${rows}.csv`);
  const countsFile = `${file}.counts.json`;
  if (existsSync(file) && existsSync(countsFile))
    return { ...base, file, counts: JSON.parse(readFileSync(countsFile, 'utf8')) as MessyCounts };
  const counts: MessyCounts = {
    clean: 0,
    sameDay: 0,
    returns: 0,
    badDate: 0,
    emptyDate: 0,
    badAmount: 0,
    emptyAmount: 0,
  };
  const random = seededRandom(7);
  const out: string[] = ['customer_id,order_date,amount'];
  const lines = readFileSync(base.file, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    out.push(line);
    counts.clean++;
    const [id, date, amount] = line.split(',');
    const u = random();
    if (u < 0.03) {
      out.push(`${id},${date},${(Number(amount) * 0.5).toFixed(2)}`);
      counts.sameDay++;
    } else if (u < 0.05) {
      out.push(`${id},${date},-${amount}`);
      counts.returns++;
    } else if (u < 0.0525) {
      out.push(`${id},unknown,${amount}`);
      counts.badDate++;
    } else if (u < 0.055) {
      out.push(`${id},,${amount}`);
      counts.emptyDate++;
    } else if (u < 0.0575) {
      out.push(`${id},${date},n/a`);
      counts.badAmount++;
    } else if (u < 0.06) {
      out.push(`${id},${date},`);
      counts.emptyAmount++;
    }
  }
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, out.join('\n') + '\n');
  renameSync(temp, file);
  writeFileSync(countsFile, JSON.stringify(counts));
  return { ...base, file, counts };
}
