// Messages between the kernel host (`kernel-process.ts`) and the kernel process it forks
// (`worker.ts`, built to `dist/kernel/worker.mjs`): plain JSON over Node's IPC channel.
//
// Conversation:
//   host → worker  `init` first, with the notebook's folder.
//   worker → host  `ready` once, when it can take requests.
//   host → worker  `run` (one at a time per kernel; a second `run` waits for the first).
//   worker → host  `cellStart` / `progress` / `cellDone` while it runs, then `runDone`.
//   host → worker  `interrupt` at any time, by message and on the interrupt line (a pipe a
//                  thread of the worker watches, see interrupt-line.ts, so it lands while the
//                  kernel is busy in synchronous code): the run stops within ~200 ms and
//                  finishes with `runDone` (unfinished cells `interrupted`). If `runDone` does
//                  not arrive within INTERRUPT_GRACE_MS the host kills the process and starts
//                  a new one on the next request (all cached results are lost; the cells say so).
//   host → worker  `request` (definitions, tablePage, exportSegments) → `response`.
//   worker → host  `log` at any time.
import type { CellInput, CellResult, DefinitionInfo, ExportResult, RunRequest } from './api';
import type { TablePayload, TableSort } from './output-types';

/**
 * How long an interrupted run may take to stop before the host kills the kernel process. The
 * kernel stops within ~200 ms; this is the last resort for a kernel that does not.
 */
export const INTERRUPT_GRACE_MS = 1500;

// ---- host → worker ----

export interface RunMessage {
  type: 'run';
  runId: number;
  cells: CellInput[];
  request: RunRequest;
}

export interface InterruptMessage {
  type: 'interrupt';
  runId: number;
}

/** Must be the first message. */
export interface InitMessage {
  type: 'init';
  notebookDir: string;
}

export type KernelQuery =
  | { kind: 'definitions' }
  | { kind: 'tablePage'; name: string; offset: number; limit: number; sort?: TableSort }
  | { kind: 'exportSegments'; name: string; path: string; labels?: string[] };

export interface RequestMessage {
  type: 'request';
  requestId: number;
  query: KernelQuery;
}

export type HostToWorker = InitMessage | RunMessage | InterruptMessage | RequestMessage;

// ---- worker → host ----

export interface ReadyMessage {
  type: 'ready';
}

export interface CellStartMessage {
  type: 'cellStart';
  runId: number;
  cellId: string;
}

export interface ProgressMessage {
  type: 'progress';
  runId: number;
  cellId: string;
  /** 0..1 */
  fraction: number;
  message: string;
}

export interface CellDoneMessage {
  type: 'cellDone';
  runId: number;
  cellId: string;
  result: CellResult;
}

export interface RunDoneMessage {
  type: 'runDone';
  runId: number;
  /** Every cell the run touched, as [cellId, result] pairs in execution order. */
  results: [string, CellResult][];
}

export interface ResponseMessage {
  type: 'response';
  requestId: number;
  ok: boolean;
  /** When ok: DefinitionInfo[] | TablePayload | ExportResult, by query kind. */
  value?: DefinitionInfo[] | TablePayload | ExportResult;
  /** When not ok: why. */
  error?: string;
}

export interface LogMessage {
  type: 'log';
  message: string;
}

export type WorkerToHost =
  ReadyMessage | CellStartMessage | ProgressMessage | CellDoneMessage | RunDoneMessage | ResponseMessage | LogMessage;
