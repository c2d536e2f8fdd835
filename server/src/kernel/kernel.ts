// The in-process kernel: the notebook runner with the real statement evaluators and the
// models library plugged into the kernel's models port.
import type { KernelOptions } from './api';
import { evaluateStatement } from './evaluate';
import { modelsLibrary } from './models-adapter';
import { NotebookRunner, type Kernel } from './runner';
import { ConnectionPool } from './warehouse/connections';

export type { Kernel } from './runner';

export function createKernel(options: KernelOptions): Kernel {
  const connections = new ConnectionPool();
  const runner = new NotebookRunner(options, (ctx) => evaluateStatement(ctx, modelsLibrary, connections));
  // The runner knows nothing of engines: disposing the kernel also closes its connections.
  const dispose = runner.dispose.bind(runner);
  runner.dispose = async () => {
    await dispose();
    await connections.closeAll();
  };
  return runner;
}
