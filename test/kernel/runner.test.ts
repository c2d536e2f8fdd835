// Scheduling, caching, invalidation, failure propagation and interrupts of the notebook
// runner, with a recording evaluator in place of the real one (the real evaluators are
// exercised end to end in kernel.test.ts).
import assert from 'node:assert/strict';
import { EvaluationError, type EvalContext, type StatementOutcome } from '../../server/src/kernel/evaluate/context';
import { NotebookRunner } from '../../server/src/kernel/runner';
import { CDNOW_SOURCE, cdnowCells } from './notebooks';

interface Recorder {
  calls: string[];
  failing: Set<string>;
  /** Statements that run until interrupted, reporting progress. */
  slow: Set<string>;
}

function statementName(ctx: EvalContext): string {
  return ctx.info.defines ?? `${ctx.statement.kind.toLowerCase()}@${ctx.info.cellId}`;
}

function recordingRunner(): { runner: NotebookRunner; rec: Recorder } {
  const rec: Recorder = { calls: [], failing: new Set(), slow: new Set() };
  const evaluate = async (ctx: EvalContext): Promise<StatementOutcome> => {
    const name = statementName(ctx);
    rec.calls.push(name);
    // Every dependency must have been computed before: input() throws otherwise.
    for (const dep of ctx.info.dependencies) ctx.input(dep);
    if (rec.failing.has(name)) throw new EvaluationError(`${name} cannot be computed`, ctx.statement);
    if (rec.slow.has(name)) {
      for (let step = 0; !ctx.signal.aborted; step++) {
        ctx.progress(Math.min(1, step / 100), `step ${step}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error('aborted');
    }
    return { value: { kind: 'none' }, outputs: [{ data: { 'text/plain': `${name} done` } }] };
  };
  return { runner: new NotebookRunner({ notebookDir: '.' }, evaluate), rec };
}

describe('notebook runner', () => {
  it('runs every statement once, dependencies first', async () => {
    const { runner, rec } = recordingRunner();
    const results = await runner.run(cdnowCells());
    assert.deepEqual(
      [...results.values()].map((r) => r.status),
      cdnowCells().map(() => 'ok'),
    );
    const definitions = rec.calls.filter((c) => !c.includes('@'));
    assert.equal(new Set(definitions).size, definitions.length);
    assert.equal(rec.calls.length, 13);
    const at = (n: string) => rec.calls.indexOf(n);
    assert.ok(
      at('orders') < at('calibration') &&
        at('calibration') < at('purchases') &&
        at('purchases') < at('clv') &&
        at('clv') < at('tiers'),
    );
    assert.deepEqual(
      results.get('models')!.outputs.map((o) => o.data['text/plain']),
      ['purchases done', 'spend done'],
    );
  });

  it('serves an unchanged notebook from the cache', async () => {
    const { runner, rec } = recordingRunner();
    await runner.run(cdnowCells());
    rec.calls.length = 0;
    const again = await runner.run(cdnowCells(), { cellIds: ['lorenz'] });
    assert.deepEqual(rec.calls, []);
    assert.deepEqual([...again.keys()], ['lorenz']);
    assert.equal(again.get('lorenz')!.cached, true);
    assert.deepEqual(
      again.get('lorenz')!.outputs.map((o) => o.data['text/plain']),
      ['chart@lorenz done', 'chart@lorenz done', 'chart@lorenz done'],
    );
  });

  it('ignores edits that change only layout and comments', async () => {
    const { runner, rec } = recordingRunner();
    await runner.run(cdnowCells());
    rec.calls.length = 0;
    const cells = cdnowCells();
    cells[1] = {
      id: 'split',
      text: '# the split\nsplit   calibration = orders until 1997-09-30,  holdout until 1998-06-30, in weeks  # weeks',
    };
    await runner.run(cells);
    assert.deepEqual(rec.calls, []);
  });

  it('re-runs exactly the dependents of an edited source, and the cells they are in', async () => {
    const { runner, rec } = recordingRunner();
    await runner.run(cdnowCells());
    rec.calls.length = 0;
    const edited = cdnowCells(CDNOW_SOURCE.replace('  amount   = sales', '  amount   = sales\n  where sales > 0'));
    const results = await runner.run(edited, { cellIds: ['lorenz'] });
    assert.deepEqual(
      rec.calls.sort(),
      ['calibration', 'chart@lorenz', 'chart@lorenz', 'chart@lorenz', 'clv', 'orders', 'purchases', 'spend'].sort(),
    );
    assert.deepEqual([...results.keys()].sort(), ['lorenz', 'models', 'source', 'split', 'value']);
    // The stale cells that were not asked for run later, when asked, without recomputing upstream.
    rec.calls.length = 0;
    await runner.run(edited, { cellIds: ['tracking'] });
    assert.deepEqual(rec.calls, ['chart@tracking', 'chart@tracking']);
  });

  it('skips the dependents of a failure, naming the upstream definition and cell', async () => {
    const { runner, rec } = recordingRunner();
    rec.failing.add('calibration');
    const results = await runner.run(cdnowCells());
    const split = results.get('split')!;
    assert.equal(split.status, 'error');
    assert.match(split.error!.message, /^1:1 {2}calibration cannot be computed/);
    for (const id of ['models', 'value', 'lorenz', 'segments', 'table']) {
      const r = results.get(id)!;
      assert.equal(r.status, 'skipped', id);
      assert.equal(r.error!.message, 'Not run: it needs "calibration" (cell 2), which failed.');
      assert.equal(r.error!.cellId, 'split');
      // One message per cell, not one per statement, named once ("Not run", not "Skipped: Not run: ...").
      const problems = r.outputs.filter((o) => 'application/vnd.code.notebook.error' in o.data);
      assert.equal(problems.length, 1, id);
      assert.equal(r.outputs.length, 1, `${id}: ${r.outputs.map((o) => o.data['text/plain']).join(' | ')}`);
      assert.deepEqual(problems[0].data['application/vnd.code.notebook.error'], {
        name: 'Not run',
        message: 'it needs "calibration" (cell 2), which failed.',
      });
    }
    assert.equal(results.get('source')!.status, 'ok');
    assert.ok(!rec.calls.includes('purchases'));
  });

  it('does not run a cell with check errors and reports them with line:col', async () => {
    const { runner, rec } = recordingRunner();
    const cells = cdnowCells();
    cells[4] = { id: 'value', text: 'value clv = lifetime_value(purchases, spend) {\n  horizn 12 months\n}' };
    const results = await runner.run(cells);
    const value = results.get('value')!;
    assert.equal(value.status, 'error');
    assert.match(value.error!.message, /^Not run: this cell has 1 error:\n {2}2:3 {2}.*horizn/);
    assert.deepEqual(value.error!.range!.start, { line: 1, character: 2 });
    assert.ok('application/vnd.code.notebook.error' in value.outputs[0].data);
    assert.ok(!rec.calls.includes('clv'));
    assert.equal(results.get('segments')!.status, 'skipped');
    assert.equal(results.get('models')!.status, 'ok');
  });

  it('stops on interrupt, marks what did not finish, and runs normally afterwards', async () => {
    const { runner, rec } = recordingRunner();
    rec.slow.add('purchases');
    const controller = new AbortController();
    const progress: number[] = [];
    const started = performance.now();
    const results = await runner.run(
      cdnowCells(),
      {},
      {
        signal: controller.signal,
        onProgress: (cellId, fraction) => {
          progress.push(fraction);
          if (cellId === 'models' && fraction >= 0.05) controller.abort();
        },
      },
    );
    assert.ok(performance.now() - started < 2000);
    assert.ok(progress.length > 0);
    assert.equal(results.get('source')!.status, 'ok');
    assert.equal(results.get('models')!.status, 'interrupted');
    assert.equal(results.get('value')!.status, 'interrupted');
    // One message per cell: "Interrupted: the run was stopped …", never "Interrupted: Interrupted."
    for (const [id, when] of [
      ['models', 'while'],
      ['value', 'before'],
      ['segments', 'before'],
    ]) {
      const outputs = results.get(id)!.outputs;
      assert.equal(outputs.length, 1, `${id}: ${outputs.map((o) => o.data['text/plain']).join(' | ')}`);
      assert.deepEqual(outputs[0].data['application/vnd.code.notebook.error'], {
        name: 'Interrupted',
        message: `the run was stopped ${when} this cell ran.`,
      });
    }
    rec.slow.clear();
    rec.calls.length = 0;
    const again = await runner.run(cdnowCells());
    assert.ok([...again.values()].every((r) => r.status === 'ok'));
    assert.ok(rec.calls.includes('purchases') && !rec.calls.includes('orders'));
  });

  it('reports definitions with their state', async () => {
    const { runner, rec } = recordingRunner();
    rec.failing.add('spend');
    await runner.run(cdnowCells());
    const defs = Object.fromEntries((await runner.definitions()).map((d) => [d.name, d]));
    assert.equal(defs.orders.state, 'fresh');
    assert.equal(defs.spend.state, 'failed');
    assert.equal(defs.clv.state, 'failed');
    assert.deepEqual(defs.clv.dependsOn, ['purchases', 'spend']);
    assert.equal(defs.clv.cellId, 'value');
  });
});
