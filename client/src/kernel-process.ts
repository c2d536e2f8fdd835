// The kernel in a child process of the extension host. A worker thread would share the
// extension host's process: a runaway fit could exhaust its heap, and killing it would take
// every other extension down. A forked process can be killed on its own, so an interrupt that
// the kernel does not honour within the grace period costs only the kernel's cached results.
// The child runs the kernel's own worker bundle (dist/kernel/worker.mjs), which speaks the
// protocol of server/src/kernel/protocol.ts over Node IPC when forked.
import { fork, type ChildProcess } from 'node:child_process';
import type {
  CellInput,
  CellResult,
  HostToWorker,
  KernelQuery,
  RunHooks,
  RunRequest,
  WorkerToHost,
} from '../../server/src/kernel';
import { KernelQueries } from '../../server/src/kernel/kernel-queries';
import { PendingCalls } from '../../server/src/kernel/pending-calls';

export interface KernelProcessOptions {
  workerPath: string;
  notebookDir: string;
  log: (message: string) => void;
  /** How long an interrupted run may take to stop before the process is killed. */
  graceMs?: number;
}

export class KernelProcess extends KernelQueries {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending = new PendingCalls();

  constructor(private readonly options: KernelProcessOptions) {
    super();
  }

  /** Runs cells (and the stale definitions they depend on); `hooks.signal` interrupts. */
  async run(cells: CellInput[], request: RunRequest, hooks: RunHooks): Promise<Map<string, CellResult>> {
    await this.start();
    const runId = this.pending.newId();
    const results = this.pending.addRun(runId, cells, request, hooks, () => this.interrupt(runId));
    this.send({ type: 'run', runId, cells, request });
    return results;
  }

  /** Kills the process: every cached result is lost; the next run starts a fresh one. */
  restart(reason: string): void {
    this.options.log(`kernel restarted: ${reason}`);
    this.stop(`The kernel was restarted (${reason}); cached results were discarded. Run the cells again.`);
  }

  dispose(): void {
    this.stop('The kernel was shut down.');
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    // stdio piped, not inherited: the extension host's stdout is not ours to write to.
    const child = fork(this.options.workerPath, [], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      cwd: this.options.notebookDir,
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => this.options.log(d.toString().trimEnd()));
    child.stderr?.on('data', (d: Buffer) => this.options.log(d.toString().trimEnd()));
    this.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (m: WorkerToHost) => (m.type === 'ready' ? resolve() : this.onMessage(m)));
      child.on('error', (err) => {
        this.options.log(`kernel process error: ${err.stack ?? err.message}`);
        reject(err);
      });
      child.on('exit', (code, signal) => {
        if (this.child !== child) return; // replaced on purpose
        this.child = null;
        this.ready = null;
        const why = signal ? `signal ${signal}` : `exit code ${code}`;
        this.options.log(`kernel process stopped (${why})`);
        reject(new Error(`the kernel process stopped (${why}) before it was ready`));
        this.pending.failAll(
          `The kernel stopped unexpectedly (${why}); cached results were lost. Run the cells again.`,
        );
      });
    });
    this.send({ type: 'init', notebookDir: this.options.notebookDir });
    this.options.log(`kernel process ${child.pid} started for ${this.options.notebookDir}`);
    return this.ready;
  }

  private send(message: HostToWorker) {
    this.child?.send(message);
  }

  private interrupt(runId: number) {
    if (!this.pending.hasRun(runId)) return;
    this.send({ type: 'interrupt', runId });
    const graceMs = this.options.graceMs ?? 1500;
    setTimeout(() => {
      if (!this.pending.hasRun(runId)) return;
      this.restart(`it did not stop within ${graceMs} ms of an interrupt`);
    }, graceMs).unref();
  }

  private onMessage(m: WorkerToHost) {
    if (m.type === 'log') this.options.log(m.message);
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
