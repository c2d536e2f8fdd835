// The whole job an analyst runs, against the targets of "ten times faster than lifetimes":
// a seeded 707,844-row log of 200,000 customers (bench/whole-job-fixture.ts) through a notebook
// with a source, a whole-log split in weeks, BG/NBD + Gamma-Gamma, two values, two tables
// filtered on customer ids and a CSV export of every customer.
//
//  - `clvnb run` as a process: wall time < 0.7 s, peak RSS < 300 MB;
//  - its parts, as the kernel times each cell: load < 250 ms, split < 60 ms, scoring a value
//    < 80 ms, a filtered table < 20 ms, the CSV of 200,000 customers < 100 ms;
//  - BG/NBD alone on the 200,000 customers < 150 ms, with recency at day resolution, and how
//    the fit time grows with the number of distinct (x, t_x, T) patterns;
//  - the command line's own start (`clvnb --version`) < 0.1 s and the CDNOW HTML report < 0.4 s.
// The 10M-row notebook is in kernel.bench.ts. Needs `npm run build` (it runs dist/cli/clvnb.mjs).
// bench/lifetimes-side-by-side.ts runs the same job with Python lifetimes, where installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createKernel } from '../server/src/kernel/kernel';
import { parseNotebook } from '../server/src/notebook-file';
import { loadSource } from '../server/src/data';
import { summariseTransactions, toPatterns, fitBgNbd } from '../server/src/models';
import { jobFiles, JOB_CUSTOMERS, JOB_ROWS } from './whole-job-fixture';
import { median, percentile, report, verdict } from './measure';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const clvnb = join(repoRoot, 'dist', 'cli', 'clvnb.mjs');
// Prints the process's peak RSS (kilobytes) on exit, so a child measures itself.
const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

interface ProcessRun {
  ms: number;
  rssMb: number;
}

/** Runs `node [args]` once; wall time from spawn to exit, peak RSS as the child reports it. */
function runProcess(args: string[], cwd = repoRoot): ProcessRun {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, ...args], { cwd, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1]);
  return { ms, rssMb: kb / 1024 };
}

function processBench(name: string, args: string[], runs: number, target: { ms: number; mb?: number }) {
  runProcess(args); // warm-up: file cache
  const samples = Array.from({ length: runs }, () => runProcess(args));
  const ms = samples.map((s) => s.ms);
  report({ name, medianMs: median(ms), p95Ms: percentile(ms, 95), runs }, { below: target.ms });
  if (target.mb) {
    const mb = samples.map((s) => s.rssMb);
    console.log(
      `${`${name}, peak RSS`.padEnd(58)} median ${median(mb).toFixed(0).padStart(8)} MB   max ${Math.max(...mb)
        .toFixed(0)
        .padStart(8)} MB   (${runs} runs)`,
    );
    verdict(`${name}, peak RSS`, median(mb), { below: target.mb, unit: 'MB' });
  }
}

/** Per-cell times of fresh in-process kernels over the job's notebook. */
async function cellParts(notebookPath: string, dir: string, runs: number) {
  const { readFileSync } = await import('node:fs');
  const notebook = parseNotebook(readFileSync(notebookPath, 'utf8'));
  const cells = notebook.cells.filter((c) => c.kind === 'code').map((c, i) => ({ id: `cell${i + 1}`, text: c.source }));
  const samples = new Map<string, number[]>();
  for (let run = 0; run <= runs; run++) {
    const results = await createKernel({ notebookDir: dir }).run(cells);
    for (const [id, r] of results) {
      if (r.status !== 'ok') throw new Error(`${id}: ${r.status}: ${r.error?.message}`);
      if (run > 0) samples.set(id, [...(samples.get(id) ?? []), r.ms]); // run 0 warms up
    }
  }
  const part = (id: string, name: string, target: number) => {
    const ms = samples.get(id)!;
    report({ name, medianMs: median(ms), p95Ms: percentile(ms, 95), runs }, { below: target });
  };
  part('cell1', `load ${JOB_ROWS.toLocaleString('en-US')} rows (source cell)`, 250);
  part('cell2', 'split, whole log as calibration, in weeks', 60);
  const fits = samples.get('cell3')!;
  report({ name: 'BG/NBD + Gamma-Gamma (models cell)', medianMs: median(fits), p95Ms: percentile(fits, 95), runs });
  part('cell4', 'value over 52 weeks, undiscounted (scoring)', 80);
  part('cell5', 'value over 12 months at 1% a month (scoring)', 80);
  part('cell6', 'table where customer = "..." or ... (3 ids)', 20);
  part('cell7', 'table where customer = "..." or ... (4 ids)', 20);
  part('cell8', `CSV export of ${JOB_CUSTOMERS.toLocaleString('en-US')} customers`, 100);
}

/**
 * BG/NBD alone at two time resolutions of the same log: recency and age in exact days (as
 * the notebook fits it) and rounded to whole weeks. The fit works on distinct (x, t_x, T)
 * patterns, so its time follows their number, not the number of customers.
 */
async function fitScaling(csv: string, runs: number) {
  const loaded = await loadSource({
    path: csv,
    format: 'csv',
    kind: 'transactions',
    mappings: [
      { role: 'customer', columns: ['customer_id'] },
      { role: 'date', columns: ['date'] },
      { role: 'amount', columns: ['amount'] },
    ],
  });
  if (loaded.kind !== 'transactions') throw new Error('expected transactions');
  let last = -Infinity;
  for (let i = 0; i < loaded.log.rows; i++) last = Math.max(last, loaded.log.time[i]);
  const s = summariseTransactions(loaded.log, { calibrationEnd: last, holdoutEnd: null, unit: 7 });
  const weeks = (v: Float64Array) => v.map(Math.round);
  for (const [label, recency, T] of [
    ['days', s.recency, s.T],
    ['whole weeks', weeks(s.recency), weeks(s.T)],
  ] as const) {
    const patterns = toPatterns(s.frequency, recency, T);
    const ms: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      fitBgNbd(toPatterns(s.frequency, recency, T));
      if (i > 0) ms.push(performance.now() - start);
    }
    const name = `BG/NBD fit, recency in ${label}: ${patterns.x.length.toLocaleString('en-US')} patterns`;
    report(
      { name, medianMs: median(ms), p95Ms: percentile(ms, 95), runs },
      ...(label === 'days' ? [{ below: 150 }] : []),
    );
  }
}

if (!existsSync(clvnb)) {
  console.error('bench/whole-job.bench.ts needs the built command line: run `npm run build` first.');
  process.exit(1);
}
const job = jobFiles();
processBench('clvnb run, the whole job (707,844 rows, 200,000 customers)', [clvnb, 'run', job.notebook], 5, {
  ms: 700,
  mb: 300,
});
await cellParts(job.notebook, job.dir, 5);
await fitScaling(job.csv, 5);
processBench('clvnb --version', [clvnb, '--version'], 9, { ms: 100 });
const out = mkdtempSync(join(tmpdir(), 'clv-report-bench-'));
processBench(
  'clvnb run CDNOW sample --html (report with charts)',
  [clvnb, 'run', join(repoRoot, 'samples', 'cdnow', 'cdnow.clvnb'), '--html', join(out, 'report.html')],
  5,
  { ms: 400 },
);
rmSync(out, { recursive: true, force: true });
