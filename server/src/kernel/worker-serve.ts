// Serving a kernel behind the message protocol (protocol.ts), in a worker_threads Worker
// (KernelClient) or a forked child process (a host that wants a separate process, e.g. the
// VS Code controller). worker.ts serves the real kernel; tests serve runners of their own.
import { parentPort, workerData } from 'node:worker_threads';
import type { KernelOptions } from './api';
import type { HostToWorker, KernelQuery, KernelWorkerData, RunMessage, WorkerToHost } from './protocol';
import type { Kernel } from './runner';

type Send = (message: WorkerToHost) => void;

function transport(): { send: Send; listen: (handler: (m: HostToWorker) => void) => void } {
  if (parentPort) {
    const port = parentPort;
    return { send: (m) => port.postMessage(m), listen: (h) => port.on('message', h) };
  }
  if (process.send) {
    return { send: (m) => process.send!(m), listen: (h) => process.on('message', (m) => h(m as HostToWorker)) };
  }
  throw new Error('The kernel worker must be started as a worker thread or a forked child process.');
}

/** Answers the protocol's messages with kernels made by `create` (one per worker). */
export function serveKernel(create: (options: KernelOptions) => Kernel): void {
  const { send, listen } = transport();

  let kernel: Kernel | null = null;
  // Shared interrupt flag (worker threads only): lets an interrupt land while a synchronous
  // loop holds the event loop, because the kernel checks it at every progress point.
  let interruptFlag: Int32Array | null = null;
  const active = new Map<number, AbortController>();
  // Runs are serialised: each waits for the previous one, like cells typed one after another.
  let queue: Promise<void> = Promise.resolve();

  function init(notebookDir: string, interruptBuffer?: SharedArrayBuffer) {
    kernel = create({ notebookDir, log: (message) => send({ type: 'log', message }) });
    interruptFlag = interruptBuffer ? new Int32Array(interruptBuffer) : null;
    send({ type: 'ready' });
  }

  function checkSharedInterrupt(runId: number, controller: AbortController) {
    if (interruptFlag && Atomics.load(interruptFlag, 0) === runId && !controller.signal.aborted) controller.abort();
  }

  async function run(message: RunMessage) {
    const { runId } = message;
    const controller = active.get(runId)!;
    try {
      const results = await kernel!.run(message.cells, message.request, {
        signal: controller.signal,
        onCellStart: (cellId) => send({ type: 'cellStart', runId, cellId }),
        onCellDone: (cellId, result) => send({ type: 'cellDone', runId, cellId, result }),
        onProgress: (cellId, fraction, text) => send({ type: 'progress', runId, cellId, fraction, message: text }),
        pollInterrupt: () => checkSharedInterrupt(runId, controller),
      });
      send({ type: 'runDone', runId, results: [...results] });
    } catch (err) {
      // kernel.run reports per-cell errors itself; reaching here is a kernel bug. Say so.
      send({ type: 'log', message: `run ${runId} failed: ${(err as Error).stack ?? String(err)}` });
      send({ type: 'runDone', runId, results: [] });
    } finally {
      active.delete(runId);
    }
  }

  async function answer(requestId: number, query: KernelQuery) {
    try {
      const k = kernel!;
      const value =
        query.kind === 'definitions'
          ? await k.definitions()
          : query.kind === 'tablePage'
            ? await k.tablePage(query.name, query.offset, query.limit, query.sort)
            : await k.exportSegments(query.name, query.path, query.labels);
      send({ type: 'response', requestId, ok: true, value });
    } catch (err) {
      send({ type: 'response', requestId, ok: false, error: (err as Error).message });
    }
  }

  listen((message) => {
    switch (message.type) {
      case 'init':
        init(message.notebookDir);
        break;
      case 'run':
        // Registered now, not when the queue reaches it, so an early interrupt is not lost.
        active.set(message.runId, new AbortController());
        queue = queue.then(() => run(message));
        break;
      case 'interrupt':
        active.get(message.runId)?.abort();
        break;
      case 'request':
        // Queries wait for the running notebook: they read its results.
        queue = queue.then(() => answer(message.requestId, message.query));
        break;
    }
  });

  if (parentPort) {
    const data = workerData as KernelWorkerData;
    init(data.notebookDir, data.interruptBuffer);
  }
}
