// Running a loaded notebook's clv cells in an in-process kernel (the command line has no
// editor to keep responsive, so no worker). Ctrl-C interrupts the run instead of killing the
// process, so the cells that finished are still reported.
//
// The kernel holds the notebook's database connections (a PostgreSQL session, a ClickHouse
// client): their sockets would keep the process alive after the command is done, so whoever
// runs a notebook disposes its kernel when done with it, which closes them, also after a
// failure or an interrupt.
import type { CellResult } from '../kernel/api';
import { createKernel, type Kernel } from '../kernel/kernel';
import { isClvCell, type LoadedNotebook } from './notebook-io';

export interface Execution {
  kernel: Kernel;
  results: Map<string, CellResult>;
}

/** Runs the notebook; the caller disposes the returned kernel (a failed run's is disposed here). */
export async function executeNotebook(notebook: LoadedNotebook, dataDir = notebook.dir): Promise<Execution> {
  const kernel = createKernel({ notebookDir: dataDir });
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    const cells = notebook.cells.filter(isClvCell).map((c) => ({ id: c.id, text: c.source }));
    const results = await kernel.run(cells, {}, { signal: controller.signal });
    return { kernel, results };
  } catch (error) {
    await kernel.dispose();
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
  }
}

/** Runs the notebook for its results alone: the kernel, and its connections, are closed when the run ends. */
export async function runNotebook(notebook: LoadedNotebook): Promise<Map<string, CellResult>> {
  const { kernel, results } = await executeNotebook(notebook);
  await kernel.dispose();
  return results;
}
