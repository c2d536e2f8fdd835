// `compare`: three purchase models of the CDNOW split side by side on the holdout. Every
// figure of the scorecard is recomputed here from the models library and the split's
// customers (not from the comparison's own code), and the tables and charts must agree
// with what each model statement shows on its own.
import assert from 'node:assert/strict';
import { compile } from 'vega-lite';
import { createKernel } from '../../server/src/kernel/kernel';
import { errorByDecile, holdoutErrors } from '../../server/src/kernel/compare/scorecard';
import { MIME, type ModelPayload, type TablePayload } from '../../server/src/kernel/output-types';
import {
  bgnbdConditionalExpected,
  mbgnbdConditionalExpected,
  paretoConditionalExpected,
  type History,
} from '../../server/src/models';
import { CDNOW_SOURCE, cdnowDir } from './notebooks';

type Params = Record<string, number>;
const EXPECTED: Record<string, (p: Params, t: number, h: History) => Float64Array> = {
  'BG/NBD': (p, t, h) => bgnbdConditionalExpected({ r: p.r, alpha: p.alpha, a: p.a, b: p.b }, t, h),
  'Pareto/NBD': (p, t, h) => paretoConditionalExpected({ r: p.r, alpha: p.alpha, s: p.s, beta: p.beta }, t, h),
  'MBG/NBD': (p, t, h) => mbgnbdConditionalExpected({ r: p.r, alpha: p.alpha, a: p.a, b: p.b }, t, h),
};

const rowsOf = (t: TablePayload) =>
  t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.name, r[i]]))) as Record<string, never>[];

describe('compare models on the holdout', function () {
  this.timeout(120_000);

  it('CDNOW, BG/NBD vs Pareto/NBD vs MBG/NBD: fit criteria, holdout errors, conditional expectation, deciles, charts', async () => {
    const kernel = createKernel({ notebookDir: cdnowDir });
    const results = await kernel.run([
      {
        id: 'data',
        text: CDNOW_SOURCE + '\nsplit cal = orders until 1997-09-30, holdout until 1998-06-30, in weeks',
      },
      { id: 'models', text: 'model bg = bgnbd(cal)\nmodel pnbd = pareto_nbd(cal)\nmodel mbg = mbgnbd(cal)' },
      { id: 'compare', text: 'compare bg, pnbd, mbg' },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const models = results.get('models')!.outputs.map((o) => o.data[MIME.model] as ModelPayload);
    const outputs = results.get('compare')!.outputs;
    const [scorecard, conditional, deciles] = outputs.slice(0, 3).map((o) => o.data[MIME.table] as TablePayload);

    const split = kernel.customerTable('bg')!.table;
    const history: History = {
      frequency: Float64Array.from(split.array('frequency') as ArrayLike<number>),
      recency: Float64Array.from(split.array('recency') as ArrayLike<number>),
      T: Float64Array.from(split.array('age') as ArrayLike<number>),
    };
    const actual = Float64Array.from(split.array('holdout_purchases') as ArrayLike<number>);
    assert.equal(actual.length, 2357);
    const actualTotal = actual.reduce((a, b) => a + b, 0);

    const rows = rowsOf(scorecard);
    assert.deepEqual(
      rows.map((r) => r.model),
      ['bg', 'pnbd', 'mbg'],
    );
    models.forEach((m, i) => {
      const row = rows[i] as Record<string, number | string | boolean>;
      const params = Object.fromEntries(m.parameters.map((p) => [p.name, p.estimate]));
      const expected = EXPECTED[m.kind](params, 39, history);
      const n = m.customers;
      const k = m.parameters.length;
      let total = 0,
        abs = 0,
        sq = 0;
      expected.forEach((e, c) => {
        total += e;
        abs += Math.abs(e - actual[c]);
        sq += (e - actual[c]) ** 2;
      });
      assert.equal(row.kind, m.kind);
      assert.equal(row.parameters, 4);
      assert.equal(row.log_likelihood, m.logLikelihood);
      assert.ok(Math.abs((row.aic as number) - (2 * k - 2 * m.logLikelihood)) < 1e-9);
      assert.ok(Math.abs((row.bic as number) - (k * Math.log(n) - 2 * m.logLikelihood)) < 1e-9);
      assert.equal(row.converged, true);
      assert.equal(row.actual_holdout, actualTotal);
      assert.ok(Math.abs((row.expected_holdout as number) - total) < 1e-6 * total, `${m.kind} total`);
      assert.ok(Math.abs((row.error as number) - (total - actualTotal) / actualTotal) < 1e-9);
      assert.ok(Math.abs((row.mae as number) - abs / n) < 1e-9);
      assert.ok(Math.abs((row.rmse as number) - Math.sqrt(sq / n)) < 1e-9);
    });
    // Published log-likelihoods on this data: BG/NBD -9582.4, Pareto/NBD -9595.0.
    assert.equal(models[0].logLikelihood.toFixed(1), '-9582.4');
    assert.equal(models[1].logLikelihood.toFixed(1), '-9595.0');
    assert.match(scorecard.title!, /lowest BIC: \w+, lowest holdout RMSE: \w+/);

    // The conditional expectation of all models in one table is each model's own holdout check.
    const byFrequency = rowsOf(conditional);
    assert.deepEqual(
      conditional.columns.map((c) => c.name),
      ['frequency', 'customers', 'actual', 'bg', 'pnbd', 'mbg'],
    );
    assert.equal(
      byFrequency.reduce((s, r) => s + (r.customers as number), 0),
      2357,
    );
    models.forEach((m, i) =>
      m.holdout!.byFrequency.forEach((g, k) => {
        assert.equal(byFrequency[k].frequency, g.frequency);
        assert.equal(byFrequency[k].actual, g.actual);
        assert.equal(byFrequency[k][['bg', 'pnbd', 'mbg'][i]], g.expected);
      }),
    );

    // Deciles: ten per model, every customer in one, predicted means averaging to the total.
    const decileRows = rowsOf(deciles);
    for (const [i, name] of ['bg', 'pnbd', 'mbg'].entries()) {
      const own = decileRows.filter((r) => r.model === name);
      assert.equal(own.length, 10);
      assert.equal(
        own.reduce((s, r) => s + (r.customers as number), 0),
        2357,
      );
      const predicted = own.reduce((s, r) => s + (r.customers as number) * (r.predicted as number), 0);
      assert.ok(Math.abs(predicted - (rows[i].expected_holdout as number)) < 1e-6);
      assert.ok((own[0].predicted as number) >= (own[9].predicted as number));
    }

    // Charts: valid Vega-Lite; the tracking chart has actual plus every model, in both panels.
    const [tracking, expectation] = outputs.slice(3).map((o) => o.data[MIME.vegaLite]!);
    compile(tracking as never);
    compile(expectation as never);
    const values = (tracking as { data: { values: { series: string; period: number; cumulative: number }[] } }).data
      .values;
    assert.deepEqual([...new Set(values.map((v) => v.series))], ['actual', 'bg', 'pnbd', 'mbg']);
    const lastActual = values.filter((v) => v.series === 'actual').at(-1)!;
    assert.equal(lastActual.cumulative, models[0].holdout!.cumulative.at(-1)!.actual);
    assert.equal((tracking as { vconcat: unknown[] }).vconcat.length, 2);
  });

  it('scorecard arithmetic on a hand-sized example', () => {
    const errors = holdoutErrors([1, 2, 3, 0], [0, 2, 5, 1]);
    assert.deepEqual(errors, { expectedTotal: 6, actualTotal: 8, totalError: -0.25, mae: 1, rmse: Math.sqrt(1.5) });
    // 11 customers in 10 groups: the first group takes two, ranked by prediction, ties in customer order.
    const rows = errorByDecile([5, 0, 9, 1, 1, 2, 3, 4, 6, 7, 8], [1, 0, 2, 0, 1, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(rows[0], { decile: 1, customers: 2, predicted: 8.5, actual: 2.5 });
    assert.deepEqual(rows.at(-1), { decile: 10, customers: 1, predicted: 0, actual: 0 });
    assert.deepEqual(
      rows.slice(7, 9).map((r) => r.actual),
      [0, 1], // the tied predictions of 1: customer 4 (no purchase) before customer 5
    );
  });

  it('one model is not a comparison, and a model without a holdout cannot be judged on one (checker)', async () => {
    const kernel = createKernel({ notebookDir: cdnowDir });
    const results = await kernel.run([
      { id: 'data', text: CDNOW_SOURCE + '\nsplit all = orders until 1998-06-30' },
      { id: 'models', text: 'model bg = bgnbd(all)\nmodel pnbd = pareto_nbd(all)\ncompare bg, pnbd' },
    ]);
    const r = results.get('models')!;
    assert.equal(r.status, 'error');
    assert.match(
      r.error!.message,
      /compare` judges models on the holdout, but `bg` is fitted on `all`, which has none/,
    );
  });
});
