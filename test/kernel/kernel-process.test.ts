// The real kernel in its own process through KernelProcess, the host the editor uses: the
// same results as in process, progress, and interrupts of a load and of a fit within 200 ms on
// a large generated log. (Replacing a kernel that ignores an interrupt is tested in
// worker-protocol.test.ts.)
import assert from 'node:assert/strict';
import type { CellResult } from '../../server/src/kernel/api';
import { MIME, type ModelPayload } from '../../server/src/kernel/output-types';
import { generatedCells, generatedCsv, type GeneratedCsv } from './generated-csv';
import { cdnowCells, cdnowDir } from './notebooks';
import { kernelProcess } from '../support/kernel-process';

describe('kernel process', function () {
  this.timeout(300_000);
  let big: GeneratedCsv;
  before(() => {
    big = generatedCsv(2_000_000);
  });

  it('runs CDNOW in the kernel process with the in-process results, reporting cells as they finish', async () => {
    const client = kernelProcess({ notebookDir: cdnowDir });
    try {
      const started: string[] = [];
      const done: string[] = [];
      const results = await client.run(
        cdnowCells(),
        {},
        { onCellStart: (id) => started.push(id), onCellDone: (id) => done.push(id) },
      );
      assert.deepEqual(
        [...results.values()].map((r) => r.status),
        cdnowCells().map(() => 'ok'),
      );
      assert.deepEqual(new Set(done), new Set(results.keys()));
      assert.deepEqual(new Set(started), new Set(done));
      const model = results.get('models')!.outputs[0].data[MIME.model] as ModelPayload;
      assert.equal(model.parameters[0].estimate.toFixed(3), '0.243');
      const page = await client.tablePage('top', 50, 50);
      assert.equal(page.rows.length, 10);
      const defs = await client.definitions();
      assert.ok(defs.every((d) => d.state === 'fresh'));
    } finally {
      await client.dispose();
    }
  });

  it('reports progress on a long load and stops within a bound when interrupted; the kernel stays usable', async () => {
    const client = kernelProcess({ notebookDir: big.dir });
    try {
      const controller = new AbortController();
      const progress: string[] = [];
      let abortedAt = 0;
      const run = client.run(
        generatedCells(big),
        {},
        {
          signal: controller.signal,
          onProgress: (cellId, fraction, message) => {
            progress.push(`${cellId} ${fraction.toFixed(2)} ${message}`);
            // Interrupt in the middle of the load.
            if (!abortedAt && cellId === 'source' && fraction > 0.2) {
              abortedAt = performance.now();
              controller.abort();
            }
          },
        },
      );
      const results = await run;
      const stoppedMs = performance.now() - abortedAt;
      assert.ok(abortedAt > 0, `no progress before the end: ${progress.join('; ')}`);
      assert.ok(stoppedMs < 1000, `took ${stoppedMs.toFixed(0)} ms to stop`);
      assert.equal(results.get('source')!.status, 'interrupted');
      assert.ok([...results.values()].every((r: CellResult) => r.status === 'interrupted'));

      // Same worker, next run: fine (and nothing was cached from the interrupted load).
      const again = await client.run(generatedCells(big), { cellIds: ['split'] });
      assert.equal(again.get('split')!.status, 'ok', again.get('split')!.error?.message);
    } finally {
      await client.dispose();
    }
  });

  it('interrupts a fit within a bound', async () => {
    const client = kernelProcess({ notebookDir: big.dir });
    try {
      await client.run(generatedCells(big), { cellIds: ['split'] });
      const controller = new AbortController();
      let abortedAt = 0;
      const results = await client.run(
        generatedCells(big),
        { cellIds: ['models'] },
        {
          signal: controller.signal,
          onCellStart: (id) => {
            if (id === 'models') setTimeout(() => ((abortedAt = performance.now()), controller.abort()), 50);
          },
        },
      );
      const stoppedMs = performance.now() - abortedAt;
      assert.equal(results.get('models')!.status, 'interrupted');
      assert.ok(stoppedMs < 1000, `took ${stoppedMs.toFixed(0)} ms to stop`);
    } finally {
      await client.dispose();
    }
  });
});
