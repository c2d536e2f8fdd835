import assert from 'node:assert/strict';
import { compile } from 'vega-lite';
import { barChart } from '../../server/src/kernel/charts/bar';
import { binValues, histogramChart } from '../../server/src/kernel/charts/histogram';
import { lineChart, meansByBin } from '../../server/src/kernel/charts/line';
import { lorenzChart } from '../../server/src/kernel/charts/lorenz';
import { matrixChart } from '../../server/src/kernel/charts/matrix';
import { sampleIndices, scatterChart } from '../../server/src/kernel/charts/scatter';
import { MAX_CHART_POINTS } from '../../server/src/kernel/charts/spec';
import { survivalChart } from '../../server/src/kernel/charts/survival';
import { trackingChart } from '../../server/src/kernel/charts/tracking';
import type { VegaLiteSpec } from '../../server/src/kernel/output-types';
import type { Measure } from '../../server/src/kernel/charts/presentation';
import { lorenzCurve, sortedFinite } from '../../server/src/kernel/stats';

/** Compiles a spec with vega-lite (throws on an invalid spec) and returns its inline rows. */
export function compiles(spec: VegaLiteSpec): object[] {
  const out = compile(spec as any);
  assert.ok(out.spec.marks && out.spec.marks.length > 0);
  return (spec.data as { values: object[] }).values;
}

const CLV = (field: string): Measure => ({ field, label: 'CLV', format: 'money' });
const FREQUENCY = (field: string): Measure => ({ field, label: 'number of repeat purchases', format: 'integer' });
const P_ALIVE: Measure = { field: 'value', label: 'P(alive)', format: 'probability' };

describe('kernel charts', () => {
  const million = Float64Array.from({ length: 1_000_000 }, (_, i) => ((i * 7919) % 1000) / 10);

  it('histogram bins a million values into at most 40 bars', () => {
    const rows = compiles(histogramChart('clv', CLV('start'), million));
    assert.ok(rows.length <= 41 && rows.length > 5);
    const bins = binValues(million);
    assert.equal(
      bins.reduce((s, b) => s + b.count, 0),
      1_000_000,
    );
  });

  it('histogram of a constant gets one bin', () => {
    assert.deepEqual(binValues([3, 3, 3]), [{ start: 3, end: 4, count: 3 }]);
  });

  it('scatter samples to at most 5,000 points, deterministically and without repeats', () => {
    const spec = scatterChart(
      'clv by frequency',
      { measure: FREQUENCY('x'), values: million },
      { measure: CLV('y'), values: million },
    );
    assert.equal(compiles(spec).length, MAX_CHART_POINTS);
    assert.match(String(spec.title), /sample of 5,000 of 1,000,000 customers/);
    const a = sampleIndices(1_000_000, 5000);
    assert.deepEqual(a, sampleIndices(1_000_000, 5000));
    assert.equal(new Set(a).size, 5000);
    assert.deepEqual([...sampleIndices(3, 5000)], [0, 1, 2]);
  });

  it('line: mean y per bin of x, at the mean x of each bin, skipping non-finite pairs', () => {
    // x = 0,0,1,1,1 (integers: one bin per value), y = 2,4,1,2,3; a NaN y and an Infinity x are left out.
    const points = meansByBin([0, 0, 1, 1, 1, 1, Infinity], [2, 4, 1, 2, 3, NaN, 5]);
    assert.deepEqual(points, [
      { x: 0, y: 3, customers: 2 },
      { x: 1, y: 2, customers: 3 },
    ]);
    const rows = compiles(lineChart('clv by frequency', FREQUENCY('x'), CLV('y'), meansByBin(million, million)));
    assert.ok(rows.length <= 41 && rows.length > 5);
  });

  it('bar, lorenz, matrix, tracking and survival specs compile', () => {
    compiles(
      barChart('tiers', 'segment', CLV('value'), [
        { category: 'A', value: 1 },
        { category: 'B', value: 2 },
      ]),
    );
    assert.equal(compiles(lorenzChart('lorenz', 'CLV', lorenzCurve(sortedFinite(million)), 0.5)).length, 103);
    compiles(matrixChart('m', P_ALIVE, 'weeks', [{ frequency: 0, recency: 0, value: 0.5 }]));
    compiles(trackingChart('t', 'weeks', [{ period: 1, actual: 1, expected: 2 }], 39));
    compiles(survivalChart('s', 'years', [{ period: 0, series: 'regular', survival: 1 }]));
  });
});
