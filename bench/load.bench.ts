// Loader speed and memory: seeded synthetic logs (`customer_id,date,amount`, ~26 MB per
// million rows) of 1M and 10M rows, written once to the OS temp folder, each loaded into a
// TransactionLog in a fresh process so its peak RSS (maxRSS) is its own. Targets for the
// loader alone: 1M rows ≲ 400 ms, 10M rows ≲ 4 s with bounded memory (the whole notebook
// must stay under 1.5 s / 500 MB and 10 s / 2 GB). Reference points on this machine: a
// hand-written streaming aggregator does 1M rows in 0.54 s and 10M in 4.7 s; Arquero's
// loadCSV + groupby 3.6 s (430–770 MB) and 40–57 s (3–4 GB).
//
//   node --import tsx bench/load.bench.ts                  all sizes
//   node --import tsx bench/load.bench.ts --child PATH     one load (used by the parent)
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, writeSync, writeFileSync, closeSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadSource, type SourceSpec } from '../server/src/data';
import { generateTransactions } from '../server/src/models';
import { measure, median, percentile, report } from './measure';

const spec = (path: string): SourceSpec => ({
  path,
  format: 'csv',
  kind: 'transactions',
  mappings: [
    { role: 'customer', columns: ['customer_id'] },
    { role: 'date', columns: ['date'] },
    { role: 'amount', columns: ['amount'] },
  ],
});

/** mulberry32: a tiny seeded PRNG, so every run reads the same file. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes (once) a log of `rows` rows: rows/10 customers, dates over 1997–1998, amounts in cents. */
function syntheticCsv(rows: number): string {
  const path = join(tmpdir(), `clv-load-bench-${rows}.csv`);
  if (existsSync(path)) return path;
  const random = prng(rows);
  const customers = Math.max(1, Math.floor(rows / 10));
  const start = Date.UTC(1997, 0, 1);
  const fd = openSync(`${path}.part`, 'w');
  writeSync(fd, 'customer_id,date,amount\n');
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`C${Math.floor(random() * customers)},${day},${(Math.floor(random() * 20000) / 100).toFixed(2)}`);
    if (lines.length === 100_000) writeSync(fd, lines.splice(0).join('\n') + '\n');
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
  renameSync(`${path}.part`, path);
  return path;
}

async function child(path: string) {
  const start = performance.now();
  const loaded = await loadSource(spec(path));
  const ms = performance.now() - start;
  if (loaded.kind !== 'transactions' || loaded.report.rejected.length) throw new Error('unexpected load result');
  process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function parent(rows: number, runs: number, target: { ms: number; reference: string }) {
  const path = syntheticCsv(rows);
  const samples: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', path], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    samples.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; rssMb: number });
  }
  const label = `${rows / 1e6}M-row CSV → TransactionLog`;
  report(
    {
      name: label,
      medianMs: median(samples.map((s) => s.ms)),
      p95Ms: percentile(
        samples.map((s) => s.ms),
        95,
      ),
      runs,
    },
    { below: target.ms },
  );
  console.log(`   for reference: ${target.reference}`);
  const mb = samples.map((s) => s.rssMb);
  console.log(
    `${`${rows / 1e6}M-row CSV, peak RSS of the process`.padEnd(58)} median ${median(mb).toFixed(0).padStart(8)} MB   max ${Math.max(
      ...mb,
    )
      .toFixed(0)
      .padStart(8)} MB   (${runs} runs)`,
  );
}

/**
 * A file shaped like the full CDNOW cohort (CDNOW_master.txt: 23,570 customers, about 70k rows,
 * whitespace-delimited with CRLF, zero-padded ids, YYYYMMDD dates; 65,377 rows here), drawn from the published
 * CDNOW BG/NBD and Gamma-Gamma fits with a fixed seed and written once to the temp folder.
 */
function cdnowShapedFile(): string {
  const file = join(tmpdir(), 'clv-bench-cdnow-shaped.txt');
  if (existsSync(file)) return file;
  const log = generateTransactions({
    customers: 23_570,
    seed: 1997,
    model: { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    spend: { p: 6.25, q: 3.74, gamma: 15.44 },
    startDay: Date.UTC(1997, 0, 1) / 86_400_000,
    acquisitionDays: 90,
    endDay: Date.UTC(1998, 5, 30) / 86_400_000,
  });
  const lines = ['customer_id date number_of_cds dollar_value'];
  for (let i = 0; i < log.rows; i++) {
    const date = new Date(log.time[i] * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const id = String(log.customer[i] + 1).padStart(5, '0');
    lines.push(`${id} ${date} ${1 + (i % 3)} ${log.amount![i].toFixed(2)}`);
  }
  writeFileSync(`${file}.${process.pid}`, lines.join('\r\n') + '\r\n');
  renameSync(`${file}.${process.pid}`, file);
  return file;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]);
} else {
  const cdnow: SourceSpec = {
    path: cdnowShapedFile(),
    format: 'text',
    kind: 'transactions',
    mappings: [
      { role: 'customer', columns: ['customer_id'] },
      { role: 'date', columns: ['date'], format: 'YYYYMMDD' },
      { role: 'amount', columns: ['dollar_value'] },
    ],
  };
  await measure('CDNOW-shaped text file (whitespace, 65,377 rows)', () => loadSource(cdnow), 7, 2);
  parent(1_000_000, 5, { ms: 400, reference: 'streaming JS aggregator 540 ms, Arquero 3,600 ms' });
  parent(10_000_000, 3, { ms: 4000, reference: 'streaming JS aggregator 4,700 ms, Arquero 40–57 s' });
}
