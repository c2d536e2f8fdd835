// Data-file headers are read in a worker thread (schema-worker.ts), so the server's message
// loop never waits on a disk or decodes a Parquet page. A read that takes longer than the
// timeout (counted from when the worker is loaded) is answered with `timeout`; the worker,
// which may be stuck in that read, is replaced, and the reads queued behind it go to the new one.
import { Worker } from 'node:worker_threads';
import type { FileSchema, SourceFileSpec } from './columns';
import { describeTimeout } from './read-timeout';
import type { SchemaRequest } from './schema-worker';

interface StartedWorker {
  thread: Worker;
  /** Resolves when the worker has loaded its code. */
  ready: Promise<void>;
}

interface Pending {
  spec: SourceFileSpec;
  done: (schema: FileSchema) => void;
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

  async read(spec: SourceFileSpec): Promise<FileSchema> {
    const id = ++this.lastId;
    this.worker ??= this.start();
    await this.worker.ready;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.replaceWorker();
        resolve({
          kind: 'timeout',
          reason: `reading its header took longer than ${describeTimeout(this.timeoutMs)}`,
        });
      }, this.timeoutMs);
      const done = (schema: FileSchema) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(schema);
      };
      this.pending.set(id, { spec, done });
      this.send(id, spec);
    });
  }

  private send(id: number, spec: SourceFileSpec): void {
    this.worker ??= this.start();
    this.worker.thread.postMessage({ id, spec } satisfies SchemaRequest);
  }

  private start(): StartedWorker {
    const thread = new Worker(this.workerPath);
    thread.unref();
    let loaded = () => undefined as void;
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    const started: StartedWorker = { thread, ready };
    thread.on('message', (m: { id: number; schema: FileSchema } | { ready: true }) =>
      'ready' in m ? loaded() : this.pending.get(m.id)?.done(m.schema),
    );
    thread.on('error', (error) => {
      this.log(`schema worker: ${error.stack ?? error.message}`);
      loaded(); // reads waiting for it go ahead, and time out if no worker answers
      if (this.worker !== started) return;
      this.worker = undefined;
      for (const p of [...this.pending.values()]) p.done({ kind: 'unreadable', reason: error.message });
    });
    return started;
  }

  private replaceWorker(): void {
    void this.worker?.thread.terminate();
    this.worker = undefined;
    for (const [id, p] of this.pending) this.send(id, p.spec);
  }

  dispose(): void {
    void this.worker?.thread.terminate();
    this.worker = undefined;
  }
}
