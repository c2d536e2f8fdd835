// Messages between a host and the kernel worker. The worker (`worker.ts`, built to
// `dist/kernel/worker.mjs`) runs either as a `worker_threads` Worker (messages through
// `parentPort`) or as a forked child process (messages through `process.send`, JSON over
// IPC); every message here is plain JSON so both transports carry it unchanged.
//
// Conversation:
//   worker → host  `ready` once, when it can take requests.
//   host → worker  `run` (one at a time per kernel; a second `run` waits for the first).
//   worker → host  `cellStart` / `progress` / `cellDone` while it runs, then `runDone`.
//   host → worker  `interrupt` at any time: the run stops within ~200 ms and finishes with
//                  `runDone` (unfinished cells `interrupted`). If `runDone` does not arrive
//                  within the host's grace period the host terminates the worker and starts
//                  a new one (all cached results are lost; `KernelClient` reports it).
//   host → worker  `request` (definitions, tablePage, exportSegments) → `response`.
//   worker → host  `log` at any time.
//
// Worker threads get a faster interrupt path: the host passes `interruptBuffer` (a
// SharedArrayBuffer holding one Int32) in `workerData`; the host sets it to the run id being
// interrupted, and the worker checks it at every progress point, so an interrupt lands even
// while a synchronous loop keeps the worker's event loop busy.
import type { CellInput, CellResult, DefinitionInfo, ExportResult, RunRequest } from './api';
import type { TablePayload, TableSort } from './output-types';

/** `workerData` given to a worker thread. */
export interface KernelWorkerData {
  notebookDir: string;
  /** Int32Array(1) view target; 0 = no interrupt, otherwise the run id to interrupt. */
  interruptBuffer?: SharedArrayBuffer;
}

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

/** For a forked child process, which has no `workerData`: must be the first message. */
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
