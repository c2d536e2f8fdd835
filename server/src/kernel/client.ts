// Host side of the kernel worker: the same KernelApi as createKernel, but the notebook runs
// in a worker thread, so the caller's thread never blocks on a load or a fit. Interrupts go
// by message and by a shared-memory flag; a worker that does not finish within the grace
// period after an interrupt is terminated and replaced (its cached results are lost, and
// the run's cells say so).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CellInput, CellResult, KernelApi, RunHooks, RunRequest } from './api';
import type { KernelQuery, KernelWorkerData, WorkerToHost } from './protocol';
import { KernelQueries } from './kernel-queries';
import { PendingCalls } from './pending-calls';

export interface KernelClientOptions {
  notebookDir: string;
  log?: (message: string) => void;
  /**
   * The worker script. Default: `dist/kernel/worker.mjs` next to this bundle's folder, or
   * `worker.ts` beside this file when running from source. A `.ts` worker runs through tsx
   * (a dev dependency: tests only). A CommonJS bundle (the VS Code extension) has no
   * `import.meta.url` and must pass it.
   */
  workerUrl?: URL;
  /** Extra Node flags for the worker (e.g. a heap limit). */
  execArgv?: string[];
  /** How long an interrupted run may take to stop before the worker is terminated. Default 1000 ms. */
  graceMs?: number;
  /** Told when the worker was replaced, with why (state lost). */
  onRestart?: (reason: string) => void;
}

/** The built worker beside this bundle, or worker.ts beside this file when running from source. */
function defaultWorker(): URL {
  const here = import.meta.url;
  if (!here) throw new Error('KernelClient: pass options.workerUrl (this bundle has no import.meta.url).');
  return here.endsWith('.ts') ? new URL('./worker.ts', here) : new URL('../kernel/worker.mjs', here);
}

/**
 * A TypeScript worker (tests, running from source) is started through a one-line module
 * that registers tsx first: `--import tsx` in a worker's execArgv does not reach its loader.
 */
function runnable(url: URL): URL {
  if (!url.pathname.endsWith('.ts')) return url;
  // require.resolve finds the CommonJS build; its ES module twin sits beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(url.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export class KernelClient extends KernelQueries implements KernelApi {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private interruptFlag = new Int32Array(new SharedArrayBuffer(4));
  private pending = new PendingCalls();
  // Runs go one at a time so an interrupt always refers to the run in progress.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KernelClientOptions) {
    super();
  }

  run(cells: CellInput[], request: RunRequest = {}, hooks: RunHooks = {}): Promise<Map<string, CellResult>> {
    const next = this.queue.then(() => this.runNow(cells, request, hooks));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Replaces the worker with a fresh one: every cached result is dropped. */
  async restart(reason = 'restart requested'): Promise<void> {
    await this.stopWorker(`The kernel was restarted (${reason}); cached results were discarded.`);
    this.options.onRestart?.(reason);
    this.log(`kernel restarted: ${reason}`);
  }

  async dispose(): Promise<void> {
    await this.stopWorker('The kernel was shut down.');
  }

  private log(message: string) {
    this.options.log?.(message);
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const url = runnable(this.options.workerUrl ?? defaultWorker());
    Atomics.store(this.interruptFlag, 0, 0);
    const workerData: KernelWorkerData = {
      notebookDir: this.options.notebookDir,
      interruptBuffer: this.interruptFlag.buffer,
    };
    const worker = new Worker(url, { workerData, execArgv: this.options.execArgv ?? [] });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: WorkerToHost) => (m.type === 'ready' ? resolve() : this.onMessage(m)));
      worker.on('error', (err) => {
        reject(err);
        this.log(`kernel worker error: ${err.stack ?? err.message}`);
      });
      worker.on('exit', (code) => {
        if (this.worker !== worker) return; // replaced on purpose
        this.worker = null;
        this.ready = null;
        reject(new Error(`kernel worker exited with code ${code} before it was ready`));
        this.pending.failAll(
          `The kernel stopped unexpectedly (exit code ${code}); cached results were lost. Run the cells again.`,
        );
      });
    });
    return this.ready;
  }

  private async runNow(cells: CellInput[], request: RunRequest, hooks: RunHooks): Promise<Map<string, CellResult>> {
    await this.start();
    const runId = this.pending.newId();
    const results = this.pending.addRun(runId, cells, request, hooks, () => this.interrupt(runId));
    this.worker!.postMessage({ type: 'run', runId, cells, request });
    return results;
  }

  private interrupt(runId: number) {
    if (!this.pending.hasRun(runId) || !this.worker) return;
    Atomics.store(this.interruptFlag, 0, runId);
    this.worker.postMessage({ type: 'interrupt', runId });
    const graceMs = this.options.graceMs ?? 1000;
    setTimeout(() => {
      if (!this.pending.hasRun(runId)) return;
      // Told before the run's promise settles, so a caller sees the restart with the results.
      const reason = `it did not stop within ${graceMs} ms of an interrupt`;
      this.options.onRestart?.(reason);
      this.log(`kernel restarted: ${reason}`);
      void this.stopWorker(
        `Interrupted; the kernel did not stop within ${graceMs} ms and was restarted, so cached results were lost.`,
      );
    }, graceMs).unref();
  }

  private onMessage(m: WorkerToHost) {
    if (m.type === 'log') this.log(m.message);
    else this.pending.handle(m);
  }

  private async stopWorker(message: string) {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    this.pending.failAll(message);
    if (worker) await worker.terminate();
  }

  protected async query(query: KernelQuery): Promise<unknown> {
    await this.start();
    const requestId = this.pending.newId();
    const answer = this.pending.addRequest(requestId);
    this.worker!.postMessage({ type: 'request', requestId, query });
    return answer;
  }
}
