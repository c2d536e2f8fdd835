// The notebook controller: runs cells in the notebook's kernel process and shows what comes
// back. The kernel decides what else must run (stale definitions a cell depends on); those
// cells get executions of their own as they start, so the user sees them run and numbered.
import * as vscode from 'vscode';
import type { CellResult } from '../../server/src/kernel/api';
import { cellId, cellInputs, codeCells } from './cell-inputs';
import type { KernelProcess } from '../../server/src/kernel/kernel-process';
import { NOTEBOOK_TYPE } from './notebook-type';
import { cellOutputs, progressOutput } from './outputs';

export const CONTROLLER_ID = 'clv-kernel';

/** Where the controller runs a notebook's cells: kernel processes (kernels.ts), or the web build's stand-in. */
export interface NotebookKernels {
  for(notebook: vscode.NotebookDocument): Pick<KernelProcess, 'run'>;
  readonly log: vscode.OutputChannel;
}
/** A progress message of a running cell, as the kernel sent it. */
export interface CellProgress {
  cell: vscode.NotebookCell;
  fraction: number;
  message: string;
}

/**
 * Least time between two progress lines shown in a cell. Every output change goes through the
 * workbench and its output view. At five a second, on a machine loaded 16 deep (2 cores), the
 * interrupt command's round trip through the workbench took 11–30 s in the editor suite's
 * phase test; at one a second it passed at the same load.
 */
const PROGRESS_SHOWN_MS = 1000;

const UNTRUSTED =
  'Cells do not run in an untrusted workspace: running reads and writes files named in the notebook. Trust the workspace (Manage Workspace Trust) to run it.';

export class ClvController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private executionOrder = new Map<string, number>();
  private running = new Map<string, AbortController>();
  private readonly progress = new vscode.EventEmitter<CellProgress>();
  /**
   * Every progress message as it arrives from the kernel. The cell shows it later, and fewer
   * of them: once the editor has applied the output (slow while it renders other outputs).
   */
  readonly onDidProgress = this.progress.event;

  constructor(
    private readonly kernels: NotebookKernels,
    description = 'Runs cells in a separate process',
  ) {
    this.controller = vscode.notebooks.createNotebookController(
      CONTROLLER_ID,
      NOTEBOOK_TYPE,
      'CLV Kernel',
      (cells, nb) => this.execute(cells, nb),
    );
    this.controller.supportedLanguages = ['clv'];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = description;
    this.controller.interruptHandler = (nb) => this.interrupt(nb);
  }

  interrupt(notebook: vscode.NotebookDocument) {
    this.running.get(notebook.uri.toString())?.abort();
  }

  /** After a kernel restart the counter starts again, as in Jupyter. */
  resetExecutionOrder(notebook: vscode.NotebookDocument) {
    this.executionOrder.delete(notebook.uri.toString());
  }

  private nextOrder(notebook: vscode.NotebookDocument): number {
    const key = notebook.uri.toString();
    const order = (this.executionOrder.get(key) ?? 0) + 1;
    this.executionOrder.set(key, order);
    return order;
  }

  private async execute(requested: readonly vscode.NotebookCell[], notebook: vscode.NotebookDocument) {
    const cells = requested.filter((c) => c.kind === vscode.NotebookCellKind.Code);
    if (!vscode.workspace.isTrusted) return this.refuse(cells);
    const key = notebook.uri.toString();
    const abort = new AbortController();
    this.running.set(key, abort);
    const byId = new Map(codeCells(notebook).map((c) => [cellId(c), c]));
    // Requested cells show as queued at once; upstream cells the kernel adds appear when they start.
    const executions = new Map<string, vscode.NotebookCellExecution>();
    const executionFor = (id: string): vscode.NotebookCellExecution | undefined => {
      let execution = executions.get(id);
      const cell = byId.get(id);
      if (!execution && cell) {
        try {
          execution = this.controller.createNotebookCellExecution(cell);
        } catch {
          return undefined; // already running in another execution
        }
        execution.token.onCancellationRequested(() => abort.abort());
        executions.set(id, execution);
      }
      return execution;
    };
    for (const cell of cells) executionFor(cellId(cell));
    // A requested cell's time counts from the run's start: it includes the upstream cells it ran.
    const requestedIds = new Set(cells.map(cellId));
    const runStarted = Date.now();
    const started = new Set<string>();
    const start = (id: string) => {
      const execution = executionFor(id);
      if (!execution || started.has(id)) return execution;
      started.add(id);
      execution.executionOrder = this.nextOrder(notebook);
      execution.start(requestedIds.has(id) ? runStarted : Date.now());
      // No clearOutput: the cell's first progress line or its results replace the old outputs
      // soon after, and each output change is a trip through the workbench.
      return execution;
    };
    const finish = (id: string, result: CellResult) => {
      const execution = start(id);
      if (!execution || !executions.has(id)) return;
      executions.delete(id);
      void execution.replaceOutput(cellOutputs(result));
      execution.end(result.status === 'ok', Date.now());
    };
    // Progress messages can come many times a second; a cell shows the first at once (it says
    // what runs there), then at most one every PROGRESS_SHOWN_MS.
    const lastProgress = new Map<string, number>();
    try {
      const results = await this.kernels.for(notebook).run(
        cellInputs(notebook),
        { cellIds: cells.map(cellId) },
        {
          signal: abort.signal,
          onCellStart: (id) => void start(id),
          onCellDone: finish,
          onProgress: (id, fraction, message) => {
            const cell = byId.get(id);
            if (cell) this.progress.fire({ cell, fraction, message });
            const now = Date.now();
            if (now - (lastProgress.get(id) ?? 0) < PROGRESS_SHOWN_MS) return;
            lastProgress.set(id, now);
            void start(id)?.replaceOutput(progressOutput(fraction, message));
          },
        },
      );
      for (const [id, result] of results) if (executions.has(id)) finish(id, result);
    } catch (err) {
      this.kernels.log.appendLine(`run failed: ${(err as Error).stack ?? String(err)}`);
      const message = `The kernel could not run: ${(err as Error).message}`;
      for (const id of [...executions.keys()])
        finish(id, { status: 'error', outputs: [], error: { message, cellId: id }, ms: 0, cached: false });
    } finally {
      // Cells the kernel did not report (not runnable, e.g. empty) end without outputs.
      for (const [id, execution] of executions) {
        if (!started.has(id)) execution.start(Date.now());
        execution.end(undefined, Date.now());
      }
      if (this.running.get(key) === abort) this.running.delete(key);
    }
  }

  private refuse(cells: vscode.NotebookCell[]) {
    for (const cell of cells) {
      const execution = this.controller.createNotebookCellExecution(cell);
      execution.start(Date.now());
      void execution.replaceOutput(
        new vscode.NotebookCellOutput([
          vscode.NotebookCellOutputItem.error({ name: 'Workspace not trusted', message: UNTRUSTED, stack: '' }),
        ]),
      );
      execution.end(false, Date.now());
    }
  }

  dispose() {
    for (const abort of this.running.values()) abort.abort();
    this.progress.dispose();
    this.controller.dispose();
  }
}
