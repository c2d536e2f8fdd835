// Whole-notebook time of the kernel: the CDNOW sample, and generated logs of 1M and 10M rows,
// against time and peak-RSS targets declared in the calls below. Each large run happens
// in a fresh child process so its peak RSS is its own; figures are medians over runs.
//
//   node --import tsx bench/kernel.bench.ts                 all sizes
//   node --import tsx bench/kernel.bench.ts --child JSON    one run (used by the parent)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createKernel } from '../server/src/kernel/kernel';
import { cdnowCells, cdnowDir } from '../test/kernel/notebooks';
import { generatedCells, generatedCsv, type GeneratedCsv } from '../test/kernel/generated-csv';
import { measure, median, percentile, report, verdict } from './measure';

async function runOnce(dir: string, cells: { id: string; text: string }[]) {
  const results = await createKernel({ notebookDir: dir }).run(cells);
  for (const [id, r] of results) if (r.status !== 'ok') throw new Error(`cell ${id}: ${r.status}: ${r.error?.message}`);
}

async function child(g: GeneratedCsv) {
  const start = performance.now();
  await runOnce(g.dir, generatedCells(g));
  const ms = performance.now() - start;
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function parent(rows: number, runs: number, target: { ms: number; mb: number }) {
  const g = generatedCsv(rows);
  const samples: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', JSON.stringify(g)],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    samples.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; rssMb: number });
  }
  const ms = samples.map((s) => s.ms);
  const label = `${(rows / 1e6).toFixed(0)}M-row CSV, whole notebook`;
  report({ name: label, medianMs: median(ms), p95Ms: percentile(ms, 95), runs }, { below: target.ms });
  const mb = samples.map((s) => s.rssMb);
  console.log(
    `${`${(rows / 1e6).toFixed(0)}M-row CSV, peak RSS`.padEnd(58)} median ${median(mb).toFixed(0).padStart(8)} MB   max ${Math.max(
      ...mb,
    )
      .toFixed(0)
      .padStart(8)} MB   (${runs} runs)`,
  );
  verdict(`${label}, peak RSS`, median(mb), { below: target.mb, unit: 'MB' });
}

if (process.argv[2] === '--child') {
  await child(JSON.parse(process.argv[3]) as GeneratedCsv);
} else {
  await measure(
    'CDNOW sample (2,357 customers), whole notebook, fresh kernel',
    () => runOnce(cdnowDir, cdnowCells()),
    7,
    1,
    { below: 1000 },
  );
  parent(1_000_000, 5, { ms: 1500, mb: 500 });
  parent(10_000_000, 3, { ms: 5_000, mb: 1024 });
}
