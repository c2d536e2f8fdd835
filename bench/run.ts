// `npm run bench`: runs every bench/*.bench.ts in its own Node process (so one
// benchmark's heap does not skew the next) and prints their figures.
// `npm run bench -- models` runs only the files whose name contains "models".
// `npm run bench -- --check` also exits non-zero when a figure misses its target (each
// benchmark declares its targets where it reports the figure; see `verdict` in measure.ts).
// Not part of CI: timings on shared machines are too noisy to gate a merge on.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const filters = args.filter((a) => a !== '--check');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const failed: string[] = [];
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], {
    stdio: 'inherit',
    env: check ? { ...process.env, CLV_BENCH_CHECK: '1' } : process.env,
  });
  if (r.status !== 0) failed.push(file);
}
if (failed.length)
  console.log(`\n${failed.join(', ')}: ${check ? 'missed a target or failed' : 'failed'} (exit status non-zero)`);
process.exit(failed.length ? 1 : 0);
