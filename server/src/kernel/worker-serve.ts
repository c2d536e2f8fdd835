// Serving a kernel behind the message protocol (protocol.ts) in the child process that
// KernelProcess forks. worker.ts serves the real kernel; tests serve runners of their own.
import type { KernelOptions } from './api';
import { watchInterruptLine } from './interrupt-line';
import type { HostToWorker, KernelQuery, RunMessage, WorkerToHost } from './protocol';
import type { Kernel } from './runner';

type Send = (message: WorkerToHost) => void;

function transport(): { send: Send; listen: (handler: (m: HostToWorker) => void) => void } {
  const send = process.send?.bind(process);
  if (!send) throw new Error('The kernel worker must be started as a forked child process (see kernel-process.ts).');
  return { send: (m) => send(m), listen: (h) => process.on('message', (m) => h(m as HostToWorker)) };
}

/** Answers the protocol's messages with kernels made by `create` (one per worker). */
export function serveKernel(create: (options: KernelOptions) => Kernel): void {
  const { send, listen } = transport();

  let kernel: Kernel | null = null;
  // Lets an interrupt land while a synchronous loop holds the event loop: the kernel asks it
  // at every checkpoint (see interrupt-line.ts).
  const line = watchInterruptLine();
  const active = new Map<number, AbortController>();
  // Runs are serialised: each waits for the previous one, like cells typed one after another.
  let queue: Promise<void> = Promise.resolve();

  async function init(notebookDir: string) {
    kernel = create({ notebookDir, log: (message) => send({ type: 'log', message }) });
    // Without its watcher the kernel still works; interrupts then wait for the event loop.
    await line.watching.catch((err: Error) => send({ type: 'log', message: `no interrupt line: ${err.message}` }));
    send({ type: 'ready' });
  }

  function checkInterruptLine(runId: number, controller: AbortController) {
    if (!controller.signal.aborted && line.interrupted(runId)) controller.abort();
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
        pollInterrupt: () => checkInterruptLine(runId, controller),
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
        void init(message.notebookDir);
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
}
