// The one kernel host: the kernel in a child process, speaking protocol.ts over Node's IPC.
// The editor runs every notebook's kernel this way, and the tests drive the same class. A
// separate process, not a worker thread of the host: a runaway fit could exhaust a thread's
// shared heap, and killing it would take the editor's extension host down with it; a process
// can be killed on its own, so an interrupt the kernel does not honour within the grace
// period costs only its cached results. Imports no kernel code (types, the bookkeeping and
// the interrupt line only), so the extension's bundle stays small.
import { fork, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import type { CellInput, CellResult, KernelApi, RunHooks, RunRequest } from './api';
import { INTERRUPT_FD, writeInterrupt } from './interrupt-line';
import { KernelQueries } from './kernel-queries';
import { PendingCalls } from './pending-calls';
import { INTERRUPT_GRACE_MS, type HostToWorker, type KernelQuery, type WorkerToHost } from './protocol';

export interface KernelProcessOptions {
  /** The kernel's entry: `dist/kernel/worker.mjs` (or a test's worker). */
  workerPath: string;
  /** Node flags for the kernel process (tests run a TypeScript worker through tsx). */
  execArgv?: string[];
  /** Folder of the notebook: the process's working folder and the kernel's `notebookDir`. */
  notebookDir: string;
  log?: (message: string) => void;
  /** How long an interrupted run may take to stop before the process is killed. */
  graceMs?: number;
  /** Told when the process was killed and will be replaced, with why (cached results lost). */
  onRestart?: (reason: string) => void;
  /** The process's environment when it starts (the editor adds the stored connection URLs). */
  env?: () => NodeJS.ProcessEnv;
}

export class KernelProcess extends KernelQueries implements KernelApi {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending = new PendingCalls();

  constructor(private readonly options: KernelProcessOptions) {
    super();
  }

  /** Runs cells (and the stale definitions they depend on); `hooks.signal` interrupts. */
  async run(cells: CellInput[], request: RunRequest = {}, hooks: RunHooks = {}): Promise<Map<string, CellResult>> {
    await this.start();
    const runId = this.pending.newId();
    const results = this.pending.addRun(runId, cells, request, hooks, () => this.interrupt(runId));
    this.send({ type: 'run', runId, cells, request });
    return results;
  }

  /**
   * Starts the process if it is not running, and resolves when it can take a run. A run
   * starts it too; the editor calls this when a notebook opens, so the first run does not
   * wait for Node to start and load the kernel.
   */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = fork(this.options.workerPath, [], {
      execArgv: this.options.execArgv ?? [],
      // stdio piped, not inherited: the host's stdout (the extension host's) is not ours to write to.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc', 'pipe'],
      cwd: this.options.notebookDir,
      env: this.options.env?.(),
    });
    if (child.stdio.length <= INTERRUPT_FD) throw new Error('kernel process: no interrupt line');
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => this.log(d.toString().trimEnd()));
    child.stderr?.on('data', (d: Buffer) => this.log(d.toString().trimEnd()));
    // A process that died takes its end of the line with it; that is reported by 'exit'.
    (child.stdio[INTERRUPT_FD] as Writable).on('error', () => undefined);
    this.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (m: WorkerToHost) => (m.type === 'ready' ? resolve() : this.onMessage(m)));
      child.on('error', (err) => {
        this.log(`kernel process error: ${err.stack ?? err.message}`);
        reject(err);
      });
      child.on('exit', (code, signal) => {
        if (this.child !== child) return; // replaced on purpose
        this.child = null;
        this.ready = null;
        const why = signal ? `signal ${signal}` : `exit code ${code}`;
        this.log(`kernel process stopped (${why})`);
        reject(new Error(`the kernel process stopped (${why}) before it was ready`));
        this.pending.failAll(
          `The kernel stopped unexpectedly (${why}); cached results were lost. Run the cells again.`,
        );
      });
    });
    // Handled by the caller that awaits it; this copy must not count as unhandled.
    this.ready.catch(() => undefined);
    this.send({ type: 'init', notebookDir: this.options.notebookDir });
    this.log(`kernel process ${child.pid} started for ${this.options.notebookDir}`);
    return this.ready;
  }

  /** Kills the process: every cached result is lost; the next run starts a fresh one. */
  async restart(reason = 'restart requested'): Promise<void> {
    this.stop(`The kernel was restarted (${reason}); cached results were discarded. Run the cells again.`);
    this.options.onRestart?.(reason);
    this.log(`kernel restarted: ${reason}`);
  }

  async dispose(): Promise<void> {
    this.stop('The kernel was shut down.');
  }

  private log(message: string) {
    this.options.log?.(message);
  }

  private send(message: HostToWorker) {
    this.child?.send(message);
  }

  private interrupt(runId: number) {
    if (!this.pending.hasRun(runId)) return;
    // The line reaches the kernel while it computes; the message reaches a run still queued.
    writeInterrupt(this.child?.stdio[INTERRUPT_FD] as Writable | undefined, runId);
    this.send({ type: 'interrupt', runId });
    const graceMs = this.options.graceMs ?? INTERRUPT_GRACE_MS;
    setTimeout(() => {
      if (!this.pending.hasRun(runId)) return;
      // Told before the run's promise settles, so a caller sees the restart with the results.
      const reason = `it did not stop within ${graceMs} ms of an interrupt`;
      this.options.onRestart?.(reason);
      this.log(`kernel restarted: ${reason}`);
      this.stop(
        `Interrupted; the kernel did not stop within ${graceMs} ms and was restarted, so cached results were lost.`,
      );
    }, graceMs).unref();
  }

  private onMessage(m: WorkerToHost) {
    if (m.type === 'log') this.log(m.message);
    else this.pending.handle(m);
  }

  private stop(message: string) {
    const child = this.child;
    this.child = null;
    this.ready = null;
    this.pending.failAll(message);
    child?.kill('SIGKILL');
  }

  protected async query(query: KernelQuery): Promise<unknown> {
    await this.start();
    const requestId = this.pending.newId();
    const answer = this.pending.addRequest(requestId);
    this.send({ type: 'request', requestId, query });
    return answer;
  }
}
