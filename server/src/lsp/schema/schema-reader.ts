// Data-file headers (and date ranges) are read in a worker thread (schema-worker.ts), so the
// server's message loop never waits on a disk or decodes a Parquet page. A read that takes
// longer than the timeout (counted from when the worker is loaded) is answered with `timeout`;
// the worker, which may be stuck in that read, is replaced, and the reads queued behind it go
// to the new one.
import { Worker } from 'node:worker_threads';
import type { DateColumns, DateRange, FileSchema, SourceFileSpec } from './columns';
import { describeTimeout } from './read-timeout';
import type { SchemaRequest, SchemaResponse } from './schema-worker';

interface StartedWorker {
  thread: Worker;
  /** Resolves when the worker has loaded its code. */
  ready: Promise<void>;
}

type Answer = FileSchema | DateRange;

interface Pending {
  request: Omit<SchemaRequest, 'id'>;
  done: (answer: Answer) => void;
}

export class SchemaReader {
  private worker: StartedWorker | undefined;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  constructor(
    private readonly workerPath: URL,
    private readonly timeoutMs: number,
    private readonly log: (message: string) => void,
  ) {}

  read(spec: SourceFileSpec): Promise<FileSchema> {
    const reason = `reading its header took longer than ${describeTimeout(this.timeoutMs)}`;
    return this.ask({ spec }, { kind: 'timeout', reason }) as Promise<FileSchema>;
  }

  /** The file's date range, read whole by the loader with the source's date columns. */
  readDateRange(spec: SourceFileSpec, dates: DateColumns): Promise<DateRange> {
    const reason = `reading its dates took longer than ${describeTimeout(this.timeoutMs)}`;
    return this.ask({ spec, dates }, { kind: 'failed', reason }) as Promise<DateRange>;
  }

  private async ask(request: Omit<SchemaRequest, 'id'>, timedOut: Answer): Promise<Answer> {
    const id = ++this.lastId;
    this.worker ??= this.start();
    await this.worker.ready;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.replaceWorker();
        resolve(timedOut);
      }, this.timeoutMs);
      const done = (answer: Answer) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(answer);
      };
      this.pending.set(id, { request, done });
      this.send(id, request);
    });
  }

  private send(id: number, request: Omit<SchemaRequest, 'id'>): void {
    this.worker ??= this.start();
    this.worker.thread.postMessage({ id, ...request } satisfies SchemaRequest);
  }

  private start(): StartedWorker {
    const thread = new Worker(this.workerPath);
    thread.unref();
    let loaded = () => undefined as void;
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    const started: StartedWorker = { thread, ready };
    thread.on('message', (m: SchemaResponse | { ready: true }) =>
      'ready' in m ? loaded() : this.pending.get(m.id)?.done(m.answer),
    );
    thread.on('error', (error) => {
      this.log(`schema worker: ${error.stack ?? error.message}`);
      loaded(); // reads waiting for it go ahead, and time out if no worker answers
      if (this.worker !== started) return;
      this.worker = undefined;
      for (const p of [...this.pending.values()])
        p.done(
          p.request.dates ? { kind: 'failed', reason: error.message } : { kind: 'unreadable', reason: error.message },
        );
    });
    return started;
  }

  private replaceWorker(): void {
    void this.worker?.thread.terminate();
    this.worker = undefined;
    for (const [id, p] of this.pending) this.send(id, p.request);
  }

  dispose(): void {
    void this.worker?.thread.terminate();
    this.worker = undefined;
  }
}
