// A large `customer_id,date,amount` CSV drawn from the BG/NBD story (gamma purchase rates,
// beta drop-out after each purchase, gamma spend), seeded so every run gets the same file,
// written once per size into the temp folder (tests and the bench reuse it).
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beta, gamma, seededRandom } from '../../server/src/models/generate/random';

const DAY_MS = 86_400_000;
const START = Date.UTC(2020, 0, 1) / DAY_MS;
const iso = (day: number) => new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);

export interface GeneratedCsv {
  file: string;
  dir: string;
  calibrationEnd: string;
  holdoutEnd: string;
}

/** About `rows` transactions over two years (first purchases in the first quarter); calibration is the first year. */
export function generatedCsv(rows: number): GeneratedCsv {
  const dir = join(tmpdir(), 'clv-kernel-generated');
  const file = join(dir, `transactions-${rows}.csv`);
  const result = { file, dir, calibrationEnd: iso(START + 364), holdoutEnd: iso(START + 729) };
  if (existsSync(file)) return result;
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(42);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  writeSync(fd, 'customer_id,date,amount\n');
  let chunk: string[] = [];
  let written = 0;
  for (let c = 0; written < rows; c++) {
    // Weekly purchase rate ~ gamma(0.6, 1/2), drop-out ~ beta(0.8, 2.5), mean spend ~ 40 · gamma(4)/4.
    const rate = gamma(random, 0.6, 2) / 7;
    const dropOut = beta(random, 0.8, 2.5);
    const spend = (40 * gamma(random, 4, 1)) / 4;
    let day = START + Math.floor(random() * 90);
    const id = `C${String(c).padStart(8, '0')}`;
    for (;;) {
      chunk.push(`${id},${iso(day)},${(spend * (0.5 + random())).toFixed(2)}`);
      written++;
      if (chunk.length === 100_000) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
      if (random() < dropOut || rate <= 0) break;
      day += -Math.log(random() || 1e-12) / rate;
      if (day > START + 729 || written >= rows) break;
    }
  }
  if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
  closeSync(fd);
  renameSync(temp, file);
  return result;
}

/** The CDNOW-style analysis on a generated CSV. */
export function generatedCells(g: GeneratedCsv): { id: string; text: string }[] {
  return [
    {
      id: 'source',
      text: `source orders = csv "${g.file}" {\n  customer = customer_id\n  date     = date\n  amount   = amount\n}`,
    },
    { id: 'split', text: `split cal = orders until ${g.calibrationEnd}, holdout until ${g.holdoutEnd}, in weeks` },
    { id: 'models', text: 'model purchases = bgnbd(cal)\nmodel spend = gamma_gamma(cal)\nchart tracking of purchases' },
    {
      id: 'value',
      text: 'value clv = lifetime_value(purchases, spend) {\n  horizon  12 months\n  discount 10% per year\n  margin   30%\n}\nchart lorenz of clv\nchart scatter of clv by frequency, clv',
    },
    {
      id: 'segments',
      text: 'segments tiers on clv {\n  "Top"  when clv in top 10%\n  "Rest" otherwise\n}\nchart bar of tiers by clv\ntable top = tiers {\n  sort  clv desc\n  limit 20\n}',
    },
  ];
}
