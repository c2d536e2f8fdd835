// Host side of the kernel worker: the same KernelApi as createKernel, but the notebook runs
// in a worker thread, so the caller's thread never blocks on a load or a fit. Interrupts go
// by message and by a shared-memory flag; a worker that does not finish within the grace
// period after an interrupt is terminated and replaced (its cached results are lost, and
// the run's cells say so).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CellInput, CellResult, DefinitionInfo, ExportResult, KernelApi, RunHooks, RunRequest } from './api';
import type { KernelQuery, KernelWorkerData, RunDoneMessage, WorkerToHost } from './protocol';
import type { TablePayload } from './output-types';

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

interface PendingRun {
  /** The cells the run was asked for: what a lost worker leaves unfinished. */
  cellIds: string[];
  hooks: RunHooks;
  seen: Map<string, CellResult>;
  resolve: (results: Map<string, CellResult>) => void;
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
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(url.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export class KernelClient implements KernelApi {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private interruptFlag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private runs = new Map<number, PendingRun>();
  private requests = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  // Runs go one at a time so an interrupt always refers to the run in progress.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KernelClientOptions) {}

  run(cells: CellInput[], request: RunRequest = {}, hooks: RunHooks = {}): Promise<Map<string, CellResult>> {
    const next = this.queue.then(() => this.runNow(cells, request, hooks));
    this.queue = next.catch(() => undefined);
    return next;
  }

  definitions(): Promise<DefinitionInfo[]> {
    return this.query({ kind: 'definitions' }) as Promise<DefinitionInfo[]>;
  }

  tablePage(name: string, offset: number, limit: number): Promise<TablePayload> {
    return this.query({ kind: 'tablePage', name, offset, limit }) as Promise<TablePayload>;
  }

  exportSegments(name: string, path: string): Promise<ExportResult> {
    return this.query({ kind: 'exportSegments', name, path }) as Promise<ExportResult>;
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
    const workerData: KernelWorkerData = { notebookDir: this.options.notebookDir, interruptBuffer: this.interruptFlag.buffer as SharedArrayBuffer };
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
        this.failPending(`The kernel stopped unexpectedly (exit code ${code}); cached results were lost. Run the cells again.`);
      });
    });
    return this.ready;
  }

  private async runNow(cells: CellInput[], request: RunRequest, hooks: RunHooks): Promise<Map<string, CellResult>> {
    await this.start();
    const runId = this.nextId++;
    return new Promise((resolve) => {
      const pending: PendingRun = { cellIds: request.cellIds ?? cells.map((c) => c.id), hooks, seen: new Map(), resolve };
      this.runs.set(runId, pending);
      const onAbort = () => this.interrupt(runId);
      if (hooks.signal?.aborted) queueMicrotask(onAbort);
      else hooks.signal?.addEventListener('abort', onAbort, { once: true });
      const finish = pending.resolve;
      pending.resolve = (results) => {
        hooks.signal?.removeEventListener('abort', onAbort);
        finish(results);
      };
      this.worker!.postMessage({ type: 'run', runId, cells, request });
    });
  }

  private interrupt(runId: number) {
    if (!this.runs.has(runId) || !this.worker) return;
    Atomics.store(this.interruptFlag, 0, runId);
    this.worker.postMessage({ type: 'interrupt', runId });
    const graceMs = this.options.graceMs ?? 1000;
    setTimeout(() => {
      if (!this.runs.has(runId)) return;
      // Told before the run's promise settles, so a caller sees the restart with the results.
      const reason = `it did not stop within ${graceMs} ms of an interrupt`;
      this.options.onRestart?.(reason);
      this.log(`kernel restarted: ${reason}`);
      void this.stopWorker(`Interrupted; the kernel did not stop within ${graceMs} ms and was restarted, so cached results were lost.`);
    }, graceMs).unref();
  }

  private onMessage(m: WorkerToHost) {
    switch (m.type) {
      case 'log':
        this.log(m.message);
        return;
      case 'response': {
        const req = this.requests.get(m.requestId);
        this.requests.delete(m.requestId);
        if (m.ok) req?.resolve(m.value);
        else req?.reject(new Error(m.error));
        return;
      }
      case 'ready':
        return;
    }
    const run = this.runs.get(m.runId);
    if (!run) return;
    if (m.type === 'cellStart') run.hooks.onCellStart?.(m.cellId);
    else if (m.type === 'progress') run.hooks.onProgress?.(m.cellId, m.fraction, m.message);
    else if (m.type === 'cellDone') {
      run.seen.set(m.cellId, m.result);
      run.hooks.onCellDone?.(m.cellId, m.result);
    } else this.finishRun(m);
  }

  private finishRun(m: RunDoneMessage) {
    const run = this.runs.get(m.runId)!;
    this.runs.delete(m.runId);
    run.resolve(new Map(m.results));
  }

  /** Resolves every pending run (unfinished cells `interrupted` with `message`) and request. */
  private failPending(message: string) {
    for (const [runId, run] of this.runs) {
      this.runs.delete(runId);
      for (const cellId of run.cellIds) {
        if (run.seen.has(cellId)) continue;
        const result: CellResult = {
          status: 'interrupted',
          outputs: [{ data: { 'text/plain': message } }],
          error: { message, cellId },
          ms: 0,
          cached: false,
        };
        run.seen.set(cellId, result);
        run.hooks.onCellDone?.(cellId, result);
      }
      run.resolve(run.seen);
    }
    for (const req of this.requests.values()) req.reject(new Error(message));
    this.requests.clear();
  }

  private async stopWorker(message: string) {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    this.failPending(message);
    if (worker) await worker.terminate();
  }

  private async query(query: KernelQuery): Promise<unknown> {
    await this.start();
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.requests.set(requestId, { resolve, reject });
      this.worker!.postMessage({ type: 'request', requestId, query });
    });
  }
}
