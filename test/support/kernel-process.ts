// The editor's kernel host (KernelProcess) on a worker run from source: tests drive the host
// that ships, with the kernel's current TypeScript (through tsx) rather than a build.
import { KernelProcess, type KernelProcessOptions } from '../../server/src/kernel/kernel-process';

/** tsx by absolute location: the kernel process runs in the notebook's folder, outside the repository. */
const TSX = import.meta.resolve('tsx');

export const SOURCE_WORKER = new URL('../../server/src/kernel/worker.ts', import.meta.url).pathname;

/** A kernel process on `workerPath` (default: the real kernel's worker.ts). */
export function kernelProcess(
  options: Omit<KernelProcessOptions, 'workerPath'> & { workerPath?: string },
): KernelProcess {
  return new KernelProcess({ workerPath: SOURCE_WORKER, ...options, execArgv: ['--import', TSX] });
}
