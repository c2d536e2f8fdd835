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
import { createKernel } from '../../server/src/kernel/kernel';

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

  it('interrupts each phase of a long run; the next run keeps what finished and answers as a clean run does', async () => {
    const cells = [...generatedCells(big), { id: 'export', text: 'export tiers to "interrupted-phases.csv"' }];
    const kernel = kernelProcess({ notebookDir: big.dir });
    const stops: string[] = [];
    try {
      for (const phase of ['source', 'split', 'models', 'value', 'segments', 'export']) {
        const controller = new AbortController();
        let seen = 0;
        let abortedAt = 0;
        const results = await kernel.run(
          cells,
          {},
          {
            signal: controller.signal,
            // The first message names the statement as it starts; interrupt at the next one, inside its work.
            onProgress: (cellId, _fraction, message) => {
              if (cellId !== phase || abortedAt || ++seen < 2) return;
              abortedAt = performance.now();
              stops.push(`${phase} at "${message}"`);
              controller.abort();
            },
          },
        );
        const status = results.get(phase)!.status;
        if (!abortedAt) {
          // Too short to report progress twice at this size: it ran to the end.
          assert.equal(status, 'ok', `${phase}: ${results.get(phase)!.error?.message}`);
          continue;
        }
        const stopMs = performance.now() - abortedAt;
        stops[stops.length - 1] += ` stopped in ${stopMs.toFixed(0)} ms`;
        assert.ok(stopMs < 1000, `${phase}: took ${stopMs.toFixed(0)} ms to stop`);
        assert.equal(status, 'interrupted', `${phase}: ${results.get(phase)!.error?.message}`);
        // What finished before the interrupt is kept: the cells before the phase come from the cache.
        for (const earlier of cells.slice(
          0,
          cells.findIndex((c) => c.id === phase),
        ))
          if (results.has(earlier.id)) assert.equal(results.get(earlier.id)!.status, 'ok', earlier.id);
      }
      assert.ok(stops.length >= 4, `interrupted phases: ${stops.join('; ')}`);
      const after = await kernel.run(cells);
      const clean = await createKernel({ notebookDir: big.dir }).run(cells);
      for (const cell of cells) {
        assert.equal(after.get(cell.id)?.status ?? 'ok', 'ok', `${cell.id} after the interrupts`);
        assert.deepEqual(
          after.get(cell.id)?.outputs.map(withoutTimes),
          clean.get(cell.id)!.outputs.map(withoutTimes),
          cell.id,
        );
      }
    } finally {
      await kernel.dispose();
    }
  });
});

/** An output without what differs between two runs of the same notebook (timings). */
function withoutTimes(output: { data: Record<string, unknown> }): unknown {
  const text = JSON.stringify(output.data, (key, value) => (key === 'fitMs' ? undefined : value));
  return JSON.parse(text.replace(/ in \d+ ms,/g, ' in … ms,'));
}
