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

/** Times `fn` `runs` times after `warmup` untimed calls and prints the median and p95. */
export async function measure(name: string, fn: () => unknown, runs = 7, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return report({ name, medianMs: median(samples), p95Ms: percentile(samples, 95), runs });
}

/** Prints one benchmark line in the common format and returns the timing. */
export function report(t: Timing, target?: string): Timing {
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  console.log(
    `${t.name.padEnd(58)} median ${fmt(t.medianMs).padStart(8)} ms   p95 ${fmt(t.p95Ms).padStart(8)} ms   (${t.runs} runs)${target ? '   target ' + target : ''}`,
  );
  return t;
}
