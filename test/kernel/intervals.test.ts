// Intervals in a notebook (CDNOW): parameter intervals on every model, bootstrap bounds per
// customer that bracket the point predictions, the interval of the total, clv_low/clv_high on
// the value and segment values with intervals; the same seed gives the same bounds.
import assert from 'node:assert/strict';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type ModelPayload, type SegmentsPayload } from '../../server/src/kernel/output-types';
import { CDNOW_SOURCE, cdnowDir } from './notebooks';

const cells = (seed: number) => [
  { id: 'data', text: CDNOW_SOURCE + '\nsplit cal = orders until 1997-09-30, holdout until 1998-06-30, in weeks' },
  {
    id: 'models',
    text: `model bg = bgnbd(cal) {\n  intervals 90%\n  draws 200\n  seed ${seed}\n}\nmodel spend = gamma_gamma(cal)`,
  },
  { id: 'value', text: 'value clv = lifetime_value(bg, spend) {\n  horizon 12 months\n  margin 30%\n}' },
  {
    id: 'segments',
    text: 'segments tiers on clv {\n  "Top" when clv in top 10%\n  "Rest" otherwise\n}',
  },
];

const column = (kernel: ReturnType<typeof createKernel>, name: string, metric: string) =>
  Array.from(kernel.customerTable(name)!.table.array(metric) as ArrayLike<number>);

describe('intervals in a notebook', function () {
  this.timeout(180_000);

  it('CDNOW BG/NBD with intervals 90%: parameters, P(alive), expected purchases, CLV, segments', async () => {
    const kernel = createKernel({ notebookDir: cdnowDir });
    const results = await kernel.run(cells(7));
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const model = results.get('models')!.outputs[0].data[MIME.model] as ModelPayload;
    assert.equal(model.intervalLevel, 0.9);
    for (const p of model.parameters) {
      // Log-scale interval: the estimate is the geometric midpoint, the half-width z·SE/θ.
      assert.ok(Math.abs(Math.sqrt(p.low! * p.high!) - p.estimate) < 1e-9 * p.estimate, p.name);
      const half = Math.log(p.high! / p.estimate);
      assert.ok(Math.abs(half - 1.6448536269514722 * (p.standardError! / p.estimate)) < 1e-9, p.name);
    }
    const total = model.bootstrap!.holdoutTotal!;
    assert.ok(total.low < total.expected && total.expected < total.high, JSON.stringify(total));
    assert.match(
      results.get('models')!.outputs[0].data['text/plain'],
      /expected holdout purchases 1653\.\d, 90% interval \[/,
    );

    for (const metric of ['p_alive', 'expected_purchases']) {
      const point = column(kernel, 'bg', metric);
      const low = column(kernel, 'bg', `${metric}_low`);
      const high = column(kernel, 'bg', `${metric}_high`);
      let inside = 0;
      point.forEach((v, i) => (inside += low[i] <= v + 1e-12 && v <= high[i] + 1e-12 ? 1 : 0));
      // The point prediction is a smooth function of the parameters, so it sits inside its 90% band.
      assert.equal(inside, point.length, metric);
      assert.ok(
        low.some((v, i) => v < high[i]),
        `${metric}: bounds differ`,
      );
    }
    const clv = column(kernel, 'clv', 'clv');
    const clvLow = column(kernel, 'clv', 'clv_low');
    const clvHigh = column(kernel, 'clv', 'clv_high');
    assert.ok(clv.every((v, i) => clvLow[i] <= v + 1e-9 && v <= clvHigh[i] + 1e-9));
    assert.match(results.get('value')!.outputs[0].data['text/plain'], /90% interval [\d,.]+ to [\d,.]+/);

    const segments = results.get('segments')!.outputs[0].data[MIME.segments] as SegmentsPayload;
    assert.equal(segments.intervalLevel, 0.9);
    for (const s of segments.segments) assert.ok(s.valueLow! < s.value && s.value < s.valueHigh!, s.name);

    // Same seed, same bounds; another seed, other bounds.
    const again = createKernel({ notebookDir: cdnowDir });
    await again.run(cells(7));
    assert.deepEqual(column(again, 'bg', 'p_alive_low'), column(kernel, 'bg', 'p_alive_low'));
    const other = createKernel({ notebookDir: cdnowDir });
    await other.run(cells(8));
    assert.notDeepEqual(column(other, 'bg', 'p_alive_low'), column(kernel, 'bg', 'p_alive_low'));
  });
});
