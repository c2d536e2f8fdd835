// Public types of the kernel: what a host (CLI, report, VS Code controller through the
// kernel process) passes in and gets back. Plain data only, so every value here can cross
// the process boundary as JSON unchanged.
import type { OutputItem, TablePayload, TableSort } from './output-types';

/** One code cell of a notebook. `id` is the host's stable identity for the cell. */
export interface CellInput {
  id: string;
  text: string;
}

export interface RunRequest {
  /**
   * Cells to run. Each also runs whatever definitions it depends on that are stale
   * (changed text, changed upstream, changed data file). Default: every cell.
   */
  cellIds?: string[];
}

export type CellStatus = 'ok' | 'error' | 'skipped' | 'interrupted';

/** A position inside a cell's text, 0-based like LSP. */
export interface CellPosition {
  line: number;
  character: number;
}

export interface CellRange {
  start: CellPosition;
  end: CellPosition;
}

export interface CellError {
  /** Human-readable: what went wrong and where (1-based `line:col` inside the cell when known). */
  message: string;
  /** The cell where the problem is (for a skipped cell: the upstream cell that failed). */
  cellId: string;
  range?: CellRange;
}

export interface CellResult {
  status: CellStatus;
  /** Outputs in statement order; on error the last item is the error bundle. */
  outputs: OutputItem[];
  error?: CellError;
  /** Wall time spent on this cell in this run (0 when every definition came from the cache). */
  ms: number;
  /** True when every definition of the cell was served from the cache. */
  cached: boolean;
}

export interface RunHooks {
  /** Abort to interrupt: loaders and fits stop within ~200 ms; the cell reports `interrupted`. */
  signal?: AbortSignal;
  /** Progress of a long load or fit in a cell, `fraction` in 0..1. */
  onProgress?(cellId: string, fraction: number, message: string): void;
  onCellStart?(cellId: string): void;
  onCellDone?(cellId: string, result: CellResult): void;
  /**
   * Called at every checkpoint of long loops (progress points, between cells). A host that
   * learns of an interrupt only synchronously (shared memory, see interrupt-line.ts) aborts
   * `signal` from here, so the interrupt lands even while the event loop is busy.
   */
  pollInterrupt?(): void;
}

/** What a notebook defines, and the state of each definition in the kernel. */
export interface DefinitionInfo {
  name: string;
  /** Statement kind: source, split, model, value, segments, table. */
  kind: string;
  cellId: string;
  /** Names this definition reads. */
  dependsOn: string[];
  /** `fresh`: computed and cached for its current text and data; `stale`: needs a run; `failed`: last run failed. */
  state: 'fresh' | 'stale' | 'failed';
}

export interface ExportResult {
  /** Absolute path of the file written. */
  path: string;
  rows: number;
}

/**
 * The operations every kernel host offers, in-process (`createKernel`) or through a
 * child process (`KernelProcess`). Results are keyed by cell id.
 */
export interface KernelApi {
  run(cells: CellInput[], request?: RunRequest, hooks?: RunHooks): Promise<Map<string, CellResult>>;
  /** Definitions of the last run's notebook, with their cache state. */
  definitions(): Promise<DefinitionInfo[]>;
  /**
   * A page of a per-customer table (a `value`, `segments` or `table` definition), for
   * paging in the renderer, optionally with the whole table sorted by one column first.
   * Throws when the name is unknown or not computed yet.
   */
  tablePage(name: string, offset: number, limit: number, sort?: TableSort): Promise<TablePayload>;
  /**
   * Writes a `segments` definition's members (customer id, metrics, segment) as CSV,
   * atomically; with `labels`, only the members of those segments. A relative path resolves
   * against the notebook's folder; the path may be anywhere (the user chose it) except on a
   * file the notebook reads.
   */
  exportSegments(name: string, path: string, labels?: string[]): Promise<ExportResult>;
  /** Frees cached results (and, for a process, the process). */
  dispose(): Promise<void>;
}

export interface KernelOptions {
  /** Folder of the notebook: relative data paths and export paths resolve against it. */
  notebookDir: string;
  /** Diagnostic log (fits, cache hits, timings) for the "kernel log" view. */
  log?: (message: string) => void;
}
