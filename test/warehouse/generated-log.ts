// A transaction log that exercises every convention of the summary: same-day duplicates,
// times of day, returns, zero amounts, junk rows (missing customer, impossible date,
// non-numeric amount), purchases after the holdout end, and customers whose first purchase
// is after the calibration end. Seeded, so every run and every engine sees the same rows.
import { writeFileSync } from 'node:fs';

export const GENERATED_SPLIT = { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' };

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function isoDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** Writes a CSV (customer,date,amount,channel) of about `rows` rows; returns its text. */
export function writeGeneratedLog(path: string, rows: number, seed = 7): string {
  const random = seeded(seed);
  const lines = ['customer,date,amount,channel'];
  const start = 9862; // 1997-01-01
  for (let i = 0; lines.length <= rows; i++) {
    const customer = `c${Math.floor(random() * rows * 0.2)}`;
    const day = start + Math.floor(random() * 600);
    const r = random();
    const time = r < 0.1 ? ` ${String(Math.floor(random() * 24)).padStart(2, '0')}:30:00` : '';
    const amount = r < 0.05 ? (-random() * 50).toFixed(2) : r < 0.08 ? 0 : (random() * 100).toFixed(2);
    const channel = random() < 0.5 ? 'web' : 'store';
    lines.push(`${customer},${isoDay(day)}${time},${amount},${channel}`);
    if (random() < 0.1) lines.push(`${customer},${isoDay(day)},${(random() * 20).toFixed(2)},${channel}`);
    if (i % 97 === 0) lines.push(`,${isoDay(day)},10.00,web`);
    if (i % 101 === 0) lines.push(`${customer},1997-02-29,10.00,web`);
    if (i % 103 === 0) lines.push(`${customer},${isoDay(day)},n/a,store`);
  }
  const text = lines.join('\n') + '\n';
  writeFileSync(path, text);
  return text;
}
