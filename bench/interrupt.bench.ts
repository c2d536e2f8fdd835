// Interrupt latency (issue #5: work stops within 200 ms): a whole-notebook run on the
// generated 1M- and 10M-row logs is interrupted at points spread over its length, and the
// time from the interrupt to the run's end is measured. The kernel learns of an interrupt at
// its checkpoints through `pollInterrupt`, as the worker host does with its shared-memory
// flag, so the figure is the longest stretch without a checkpoint plus the unwinding.
// Each size runs in a fresh process, so one size's heap does not slow the other. The
// generated files list each customer's purchases together; the shuffled 1M-row file is the
// same rows in random order, where anything that sorts the log shows up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createKernel } from '../server/src/kernel/kernel';
import { generatedCells, generatedCsv, type GeneratedCsv } from '../test/kernel/generated-csv';
import { seededRandom } from '../server/src/models/generate/random';
import { median, verdict } from './measure';

const POINTS = 9;

/**
 * Runs the notebook, interrupting `interruptAtMs` after the start (as a user would: the
 * kernel sees it at its next checkpoint), and returns how long after that the run ended.
 */
async function runInterrupted(g: GeneratedCsv, interruptAtMs: number): Promise<number> {
  const controller = new AbortController();
  const started = performance.now();
  const results = await createKernel({ notebookDir: g.dir }).run(
    generatedCells(g),
    {},
    {
      signal: controller.signal,
      pollInterrupt() {
        if (!controller.signal.aborted && performance.now() - started >= interruptAtMs) controller.abort();
      },
    },
  );
  const latency = performance.now() - started - interruptAtMs;
  if (latency < 0) throw new Error(`the run ended before the interrupt at ${interruptAtMs.toFixed(0)} ms`);
  // (A run may also end normally when the interrupt comes after its last checkpoint.)
  if (!controller.signal.aborted && ![...results.values()].every((r) => r.status === 'ok'))
    throw new Error('the run failed');
  return latency;
}

async function wholeRunMs(g: GeneratedCsv): Promise<number> {
  const started = performance.now();
  const results = await createKernel({ notebookDir: g.dir }).run(generatedCells(g));
  if (![...results.values()].every((r) => r.status === 'ok')) throw new Error('the run failed');
  return performance.now() - started;
}

async function child(g: GeneratedCsv) {
  // The length of a whole run, warm (the first run also compiles the code).
  const wholeMs = Math.min(await wholeRunMs(g), await wholeRunMs(g));
  const latencies: number[] = [];
  // Interrupts over the first 90 % of a run, so every one lands before the run would end.
  for (let k = 1; k <= POINTS; k++) latencies.push(await runInterrupted(g, (0.9 * wholeMs * k) / (POINTS + 1)));
  process.stdout.write(JSON.stringify({ wholeMs, latencies }) + '\n');
}

/** The generated file's rows in a seeded random order (written once beside it). */
function shuffled(g: GeneratedCsv): GeneratedCsv {
  const file = g.file.replace(/\.csv$/, '-shuffled.csv');
  if (!existsSync(file)) {
    const [header, ...rows] = readFileSync(g.file, 'utf8').trimEnd().split('\n');
    const random = seededRandom(7);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    writeFileSync(`${file}.tmp`, `${header}\n${rows.join('\n')}\n`);
    renameSync(`${file}.tmp`, file);
  }
  return { ...g, file };
}

function parent(rows: number, shuffle = false) {
  const g = shuffle ? shuffled(generatedCsv(rows)) : generatedCsv(rows);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', JSON.stringify(g)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const { wholeMs, latencies } = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    wholeMs: number;
    latencies: number[];
  };
  const label = `${(rows / 1e6).toFixed(0)}M rows${shuffle ? ' (shuffled)' : ''}: interrupt → run ended`;
  const max = Math.max(...latencies);
  console.log(
    `${label.padEnd(58)} median ${median(latencies).toFixed(1).padStart(8)} ms   max ${max.toFixed(1).padStart(8)} ms   (${POINTS} points over a ${(wholeMs / 1000).toFixed(1)} s run)`,
  );
  verdict(label, max, { below: 200, of: 'max' });
}

if (process.argv[2] === '--child') {
  await child(JSON.parse(process.argv[3]) as GeneratedCsv);
} else {
  parent(1_000_000);
  parent(1_000_000, true);
  parent(10_000_000);
}
