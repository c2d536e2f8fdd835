// What a kernel host is waiting for: runs (with their hooks and the cells finished so far) and
// queries, keyed by the ids sent with them, so the host (KernelProcess) routes the kernel
// process's messages and settles everything when the process stops or is replaced. Imports
// types only, so the extension bundle can use it without pulling in the kernel.
import type { CellInput, CellResult, RunHooks, RunRequest } from './api';
import type { WorkerToHost } from './protocol';

interface PendingRun {
  /** The cells the run was asked for: what a lost kernel leaves unfinished. */
  cellIds: string[];
  hooks: RunHooks;
  seen: Map<string, CellResult>;
  resolve: (results: Map<string, CellResult>) => void;
}

export class PendingCalls {
  private nextId = 1;
  private runs = new Map<number, PendingRun>();
  private requests = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  newId(): number {
    return this.nextId++;
  }

  /**
   * Registers run `runId` and returns its results. `onAbort` is called when `hooks.signal`
   * aborts (at once if it already has) until the run settles.
   */
  addRun(
    runId: number,
    cells: CellInput[],
    request: RunRequest,
    hooks: RunHooks,
    onAbort: () => void,
  ): Promise<Map<string, CellResult>> {
    return new Promise((resolve) => {
      const abort = () => onAbort();
      this.runs.set(runId, {
        cellIds: request.cellIds ?? cells.map((c) => c.id),
        hooks,
        seen: new Map(),
        resolve: (results) => {
          hooks.signal?.removeEventListener('abort', abort);
          resolve(results);
        },
      });
      if (hooks.signal?.aborted) queueMicrotask(abort);
      else hooks.signal?.addEventListener('abort', abort, { once: true });
    });
  }

  hasRun(runId: number): boolean {
    return this.runs.has(runId);
  }

  addRequest(requestId: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.requests.set(requestId, { resolve, reject }));
  }

  /** Routes a run or response message from the worker to whoever waits for it. */
  handle(m: WorkerToHost): void {
    if (m.type === 'log' || m.type === 'ready') return;
    if (m.type === 'response') {
      const req = this.requests.get(m.requestId);
      this.requests.delete(m.requestId);
      if (m.ok) req?.resolve(m.value);
      else req?.reject(new Error(m.error));
      return;
    }
    const run = this.runs.get(m.runId);
    if (!run) return;
    if (m.type === 'cellStart') run.hooks.onCellStart?.(m.cellId);
    else if (m.type === 'progress') run.hooks.onProgress?.(m.cellId, m.fraction, m.message);
    else if (m.type === 'cellDone') {
      run.seen.set(m.cellId, m.result);
      run.hooks.onCellDone?.(m.cellId, m.result);
    } else {
      this.runs.delete(m.runId);
      run.resolve(new Map(m.results));
    }
  }

  /** Settles every pending run (unfinished cells `interrupted` with `message`) and rejects every request. */
  failAll(message: string): void {
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
}
