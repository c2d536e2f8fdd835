// Shared timing helpers for the benchmark scripts: every figure reported is a median
// over several runs after a warm-up, never a single timing.
import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Times `fn` `runs` times after `warmup` untimed calls and prints the median and p95 (and the verdicts). */
export async function measure(
  name: string,
  fn: () => unknown,
  runs = 7,
  warmup = 1,
  ...targets: Target[]
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return report({ name, medianMs: median(samples), p95Ms: percentile(samples, 95), runs }, ...targets);
}

/** What a figure must stay below: its median, unless `of` names another statistic. */
export interface Target {
  below: number;
  unit?: 'ms' | 'MB';
  of?: 'median' | 'p95' | 'max';
}

const missed: string[] = [];

// `npm run bench -- --check` (bench/run.ts sets CLV_BENCH_CHECK): a benchmark that missed a
// target exits non-zero once all its figures are printed.
process.on('exit', (code) => {
  if (code !== 0 || missed.length === 0 || process.env.CLV_BENCH_CHECK !== '1') return;
  console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} missed: ${missed.join('; ')}`);
  process.exitCode = 1;
});

/** Prints whether `value` (the `target.of` statistic of figure `name`) met `target`, and remembers a miss. */
export function verdict(name: string, value: number, target: Target): boolean {
  const met = value < target.below;
  if (!met) missed.push(name);
  console.log(`   target ${target.of ?? 'median'} < ${target.below} ${target.unit ?? 'ms'}: ${met ? 'met' : 'MISSED'}`);
  return met;
}

/** Prints one benchmark line in the common format, then its verdict against each target. */
export function report(t: Timing, ...targets: Target[]): Timing {
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  console.log(
    `${t.name.padEnd(58)} median ${fmt(t.medianMs).padStart(8)} ms   p95 ${fmt(t.p95Ms).padStart(8)} ms   (${t.runs} runs)`,
  );
  for (const target of targets) verdict(t.name, target.of === 'p95' ? t.p95Ms : t.medianMs, target);
  return t;
}
