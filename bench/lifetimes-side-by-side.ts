// The whole job side by side with Python lifetimes (documentation, not part of `npm run bench`):
// the same log (bench/whole-job-fixture.ts) through `clvnb run` and through the equivalent
// lifetimes script (bench/lifetimes-job.py), each as a process, several times in turn; prints
// both medians and their ratio. Where lifetimes is not importable it says so and prints the
// clvnb figure alone.
//
//   npm run build && node --import tsx bench/lifetimes-side-by-side.ts
//   PYTHON=/usr/bin/python3 PYTHONPATH=... node --import tsx bench/lifetimes-side-by-side.ts
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { jobFiles, TABLE_CUSTOMERS } from './whole-job-fixture';
import { median } from './measure';

const here = dirname(fileURLToPath(import.meta.url));
const clvnb = join(here, '..', 'dist', 'cli', 'clvnb.mjs');
const python = process.env.PYTHON ?? 'python3';
const RUNS = Number(process.env.RUNS ?? 5);

function timed(command: string, args: string[]): number {
  const start = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return ms;
}

if (!existsSync(clvnb)) {
  console.error('Run `npm run build` first: this script runs dist/cli/clvnb.mjs.');
  process.exit(1);
}
const job = jobFiles();
const clvnbArgs = [clvnb, 'run', job.notebook];
const lifetimesArgs = [
  join(here, 'lifetimes-job.py'),
  job.csv,
  join(job.dir, 'lifetimes-customers.csv'),
  ...TABLE_CUSTOMERS.map((ids) => ids.join(',')),
];

const probe = spawnSync(python, ['-c', 'import lifetimes, pandas'], { encoding: 'utf8' });
const hasLifetimes = probe.status === 0;
if (!hasLifetimes) {
  console.log(
    `Python lifetimes is not importable with \`${python}\` (${(probe.stderr || String(probe.error ?? '')).trim().split('\n').pop()}).\n` +
      'Install it (`pip install lifetimes`, or a source tree on PYTHONPATH with numpy, scipy and pandas), ' +
      'or point PYTHON at an interpreter that has it. Timing clvnb alone.',
  );
}

const ours: number[] = [];
const theirs: number[] = [];
timed(process.execPath, clvnbArgs); // warm-up: file cache
if (hasLifetimes) timed(python, lifetimesArgs);
for (let i = 0; i < RUNS; i++) {
  // In turn, so both see the same machine.
  ours.push(timed(process.execPath, clvnbArgs));
  if (hasLifetimes) theirs.push(timed(python, lifetimesArgs));
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`clvnb run (the whole job)        median ${s(median(ours))}   (${RUNS} runs)`);
if (hasLifetimes) {
  console.log(`lifetimes (the same job)         median ${s(median(theirs))}   (${RUNS} runs)`);
  const ratios = theirs.map((t, i) => t / ours[i]);
  console.log(`lifetimes / clvnb, run by run    median ${median(ratios).toFixed(1)}x`);
}
