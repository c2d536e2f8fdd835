// The kernel's public API. Two ways to run a notebook:
//
//   In-process (CLI, report, tests):
//     const kernel = createKernel({ notebookDir, log });
//     const results = await kernel.run(cells, { cellIds }, { signal, onProgress, onCellStart, onCellDone });
//     kernel.customerTable('clv')      // Arquero table, one row per customer (for diff / exports)
//
//   In a child process (the editor, and anything that must stay responsive):
//     const kernel = new KernelProcess({ workerPath, notebookDir, log, onRestart });
//     await kernel.run(cells, request, hooks);   // same contract, over protocol.ts messages
//     kernel.restart();                           // kill the process, state lost
//
// `run` resolves with a Map cellId → CellResult for every requested cell and every upstream
// cell it had to (re)compute. Outputs are MIME bundles (output-types.ts), each with a
// `text/plain` summary. Cells with parse/check errors are not run: their diagnostics come
// back as the error. A failed definition marks everything downstream `skipped`, naming the
// upstream cell. Results are cached by the definition's normalised text, its dependencies'
// cache keys and the data files' fingerprints, so re-running a chart does not reload or refit.
export type {
  CellInput,
  CellResult,
  CellStatus,
  CellError,
  CellRange,
  CellPosition,
  RunRequest,
  RunHooks,
  DefinitionInfo,
  ExportResult,
  KernelApi,
  KernelOptions,
} from './api';
export type * from './protocol';
export * from './output-types';
export { createKernel } from './kernel';
export { KernelProcess, type KernelProcessOptions } from './kernel-process';
export type { Kernel } from './runner';
export type { CustomerTable, Computed } from './evaluate/context';
