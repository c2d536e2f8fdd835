// The kernel process's interrupt line: a pipe beside the IPC channel (file descriptor
// INTERRUPT_FD in the child) on which the host writes the id of each run it interrupts.
//
// Why not just the IPC `interrupt` message: the kernel runs on its process's main thread, and
// a fit or a scan holds that thread for a long time in synchronous code, so a message waits
// for the event loop. Here a small thread in the kernel process blocks on the pipe and writes
// every id it reads into shared memory, which the kernel reads at each of its checkpoints
// (`RunHooks.pollInterrupt`): the interrupt lands at the next checkpoint however busy the
// main thread is. The IPC message is still sent (it is what a queued run sees).
import { fstatSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';

/** The pipe's file descriptor in the kernel process: `stdio[INTERRUPT_FD]` of the fork. */
export const INTERRUPT_FD = 4;

/** How many recent interrupted run ids the kernel remembers (only the running one matters). */
const SLOTS = 8;

/** Host side: asks the kernel process to interrupt run `runId` (a positive 32-bit integer). */
export function writeInterrupt(line: Writable | null | undefined, runId: number): void {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(runId);
  line?.write(bytes);
}

// The thread's code, a CommonJS script (`eval: true`), so the kernel needs no second bundle.
// Slot SLOTS counts writes; slots 0..SLOTS-1 hold the latest ids. A closed pipe (the host went
// away) ends the thread.
const WATCHER = `
const { workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const ids = new Int32Array(workerData.buffer);
const bytes = Buffer.alloc(4);
for (;;) {
  let got = 0;
  while (got < 4) {
    const n = readSync(workerData.fd, bytes, got, 4 - got, null);
    if (n === 0) process.exit(0);
    got += n;
  }
  const slot = Atomics.add(ids, ${SLOTS}, 1) % ${SLOTS};
  Atomics.store(ids, slot, bytes.readInt32LE(0));
}`;

export interface InterruptLine {
  /** Whether run `runId` was interrupted: cheap enough for every checkpoint. */
  interrupted(runId: number): boolean;
  /** Resolves when the watcher thread runs (a kernel says it is ready only then). */
  watching: Promise<void>;
}

/**
 * Kernel side: starts the watcher thread. Without the pipe (a process started by hand), the
 * line never reports anything: interrupts then arrive by IPC message only.
 */
export function watchInterruptLine(fd = INTERRUPT_FD): InterruptLine {
  try {
    fstatSync(fd);
  } catch {
    return { interrupted: () => false, watching: Promise.resolve() };
  }
  const ids = new Int32Array(new SharedArrayBuffer(4 * (SLOTS + 1)));
  const watcher = new Worker(WATCHER, { eval: true, workerData: { buffer: ids.buffer, fd } });
  // The thread never keeps the process alive: the IPC channel does.
  watcher.unref();
  return {
    interrupted(runId) {
      for (let i = 0; i < SLOTS; i++) if (Atomics.load(ids, i) === runId) return true;
      return false;
    },
    watching: new Promise((resolve, reject) => {
      watcher.once('online', resolve);
      watcher.once('error', reject);
    }),
  };
}
