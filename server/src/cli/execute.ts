// Running a loaded notebook's clv cells in an in-process kernel (the command line has no
// editor to keep responsive, so no worker). Ctrl-C interrupts the run instead of killing the
// process, so the cells that finished are still reported.
import type { CellResult } from '../kernel/api';
import { createKernel, type Kernel } from '../kernel/kernel';
import { isClvCell, type LoadedNotebook } from './notebook-io';

export interface Execution {
  kernel: Kernel;
  results: Map<string, CellResult>;
}

export async function executeNotebook(notebook: LoadedNotebook, dataDir = notebook.dir): Promise<Execution> {
  const kernel = createKernel({ notebookDir: dataDir });
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    const cells = notebook.cells.filter(isClvCell).map((c) => ({ id: c.id, text: c.source }));
    const results = await kernel.run(cells, {}, { signal: controller.signal });
    return { kernel, results };
  } finally {
    process.off('SIGINT', interrupt);
  }
}
