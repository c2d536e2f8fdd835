// KernelProcess ↔ kernel process over the real protocol, with a worker whose statements spin,
// hang or fail on demand (test/fixtures/kernel/recording-worker.ts): results and events arrive,
// an interrupt lands through the interrupt line while the process's event loop is blocked, and
// a process that ignores it is replaced after the grace period.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerToHost } from '../../server/src/kernel/protocol';
import { kernelProcess } from '../support/kernel-process';

const workerPath = fileURLToPath(new URL('../fixtures/kernel/recording-worker.ts', import.meta.url));
const client = (graceMs = 1000, onRestart?: (why: string) => void) =>
  kernelProcess({ notebookDir: '.', workerPath, graceMs, onRestart });

const source = (name: string) => `source ${name} = csv "orders.csv" {\n  customer = id\n  date     = day\n}`;
const cells = (first: string) => [
  { id: 'a', text: source(first) },
  { id: 'b', text: `split cal = ${first} until 2020-06-30, in weeks` },
];

describe('kernel worker protocol', function () {
  this.timeout(240_000);

  it('runs cells in the worker and reports start, done and results', async () => {
    const k = client();
    try {
      const events: string[] = [];
      const results = await k.run(
        cells('orders'),
        {},
        {
          onCellStart: (id) => events.push(`start ${id}`),
          onCellDone: (id, r) => events.push(`done ${id} ${r.status}`),
        },
      );
      assert.deepEqual(events, ['start a', 'done a ok', 'start b', 'done b ok']);
      assert.deepEqual(results.get('b')!.outputs[0].data['text/plain'], 'cal done');
      assert.deepEqual(
        (await k.definitions()).map((d) => [d.name, d.state]),
        [
          ['orders', 'fresh'],
          ['cal', 'fresh'],
        ],
      );
      await assert.rejects(k.tablePage('orders', 0, 10), /no per-customer table/);
    } finally {
      await k.dispose();
    }
  });

  it('lands an interrupt while the kernel process is busy in synchronous code, through the interrupt line', async () => {
    const k = client();
    try {
      const controller = new AbortController();
      let abortedAt = 0;
      const results = await k.run(
        cells('busy_orders'),
        {},
        {
          signal: controller.signal,
          onProgress: () => {
            if (!abortedAt) {
              abortedAt = performance.now();
              controller.abort();
            }
          },
        },
      );
      const stopMs = performance.now() - abortedAt;
      // 200 ms on an idle machine; the bound leaves room for a loaded one (the bench reports the real figure).
      assert.ok(stopMs < 500, `stopped after ${stopMs.toFixed(0)} ms`);
      assert.equal(results.get('a')!.status, 'interrupted');
      assert.equal(results.get('b')!.status, 'interrupted');
      // Same worker, next run.
      const again = await k.run(cells('orders'));
      assert.equal(again.get('b')!.status, 'ok');
    } finally {
      await k.dispose();
    }
  });

  it('replaces a worker that ignores the interrupt, after the grace period, saying state was lost', async () => {
    const restarts: string[] = [];
    const k = client(300, (why) => restarts.push(why));
    try {
      await k.run(cells('orders'));
      const controller = new AbortController();
      const started = performance.now();
      const results = await k.run(
        [{ id: 'x', text: source('stuck_orders') }],
        {},
        {
          signal: controller.signal,
          onCellStart: () => setTimeout(() => controller.abort(), 20),
        },
      );
      assert.ok(performance.now() - started < 2000);
      const x = results.get('x')!;
      assert.equal(x.status, 'interrupted');
      assert.match(x.error!.message, /did not stop within 300 ms and was restarted, so cached results were lost/);
      assert.equal(restarts.length, 1);
      // A fresh worker: nothing cached, and it runs.
      assert.deepEqual(await k.definitions(), []);
      const again = await k.run(cells('orders'));
      assert.equal(again.get('b')!.status, 'ok');
    } finally {
      await k.dispose();
    }
  });

  it('reports failures from the worker like in process', async () => {
    const k = client();
    try {
      const results = await k.run(cells('broken_orders'));
      assert.equal(results.get('a')!.status, 'error');
      assert.match(results.get('a')!.error!.message, /broken_orders is broken/);
      assert.equal(results.get('b')!.status, 'skipped');
    } finally {
      await k.dispose();
    }
  });

  it('speaks the same protocol as a forked child process (init first, JSON over IPC)', async () => {
    const child = fork(workerPath, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    try {
      const messages: WorkerToHost[] = [];
      const done = new Promise<void>((resolve) =>
        child.on('message', (m: WorkerToHost) => {
          messages.push(m);
          if (m.type === 'ready') child.send({ type: 'run', runId: 7, cells: cells('orders'), request: {} });
          if (m.type === 'runDone') resolve();
        }),
      );
      child.send({ type: 'init', notebookDir: '.' });
      await done;
      assert.deepEqual(
        messages.filter((m) => m.type !== 'log').map((m) => m.type),
        // Each statement's first progress names it as it starts.
        ['ready', 'cellStart', 'progress', 'cellDone', 'cellStart', 'progress', 'cellDone', 'runDone'],
      );
      const last = messages.at(-1) as Extract<WorkerToHost, { type: 'runDone' }>;
      assert.deepEqual(
        last.results.map(([id, r]) => [id, r.status]),
        [
          ['a', 'ok'],
          ['b', 'ok'],
        ],
      );
    } finally {
      child.kill();
    }
  });
});
