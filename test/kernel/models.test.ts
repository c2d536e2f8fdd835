// The kernel's models against published values: Pareto/NBD on CDNOW (Fader, Hardie & Lee
// 2005; BTYD walkthrough) and sBG on the two retention cohorts fitted on years 0-7 (Fader &
// Hardie 2007), through notebook cells like an analyst writes them.
import assert from 'node:assert/strict';
import { compile } from 'vega-lite';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type ModelPayload } from '../../server/src/kernel/output-types';
import { CDNOW_SOURCE, cdnowDir, sampleDataDir } from './notebooks';

const estimates = (m: ModelPayload, digits: number) =>
  Object.fromEntries(m.parameters.map((p) => [p.name, Number(p.estimate.toFixed(digits))]));

describe('kernel models against published values', function () {
  this.timeout(120_000);

  it('Pareto/NBD on CDNOW: r 0.553, alpha 10.58, s 0.606, beta 11.67; P(alive) and CET of customer 1516', async () => {
    const kernel = createKernel({ notebookDir: cdnowDir });
    const results = await kernel.run([
      {
        id: 'source',
        text: CDNOW_SOURCE + '\nsplit cal = orders until 1997-09-30, holdout until 1998-06-30, in weeks',
      },
      { id: 'model', text: 'model pnbd = pareto_nbd(cal)\nchart tracking of pnbd' },
    ]);
    const model = results.get('model')!;
    assert.equal(model.status, 'ok', model.error?.message);
    const p = model.outputs[0].data[MIME.model] as ModelPayload;
    assert.equal(p.kind, 'Pareto/NBD');
    const e = estimates(p, 3);
    assert.ok(
      Math.abs(e.r - 0.553) <= 0.001 &&
        Math.abs(e.alpha - 10.58) < 0.01 &&
        Math.abs(e.s - 0.606) <= 0.001 &&
        Math.abs(e.beta - 11.67) < 0.02,
      JSON.stringify(e),
    );
    assert.equal(p.logLikelihood.toFixed(1), '-9595.0');
    // BTYD walkthrough: customer 1516 (x = 26, t_x = 30.86, T = 31.00): P(alive) 0.9979.
    const customers = kernel.customerTable('pnbd')!.table;
    const row = customers.filter((d: { frequency: number }) => d.frequency === 26).objects()[0] as { p_alive: number };
    assert.ok(Math.abs(row.p_alive - 0.997874) < 1e-3, String(row.p_alive));
  });

  it('MBG/NBD on CDNOW: r 0.525, alpha 6.183, a 0.891, b 1.614 (BTYDplus)', async () => {
    const results = await createKernel({ notebookDir: cdnowDir }).run([
      {
        id: 'source',
        text: CDNOW_SOURCE + '\nsplit cal = orders until 1997-09-30, holdout until 1998-06-30, in weeks',
      },
      { id: 'model', text: 'model mbg = mbgnbd(cal)' },
    ]);
    const p = results.get('model')!.outputs[0].data[MIME.model] as ModelPayload;
    assert.equal(p.kind, 'MBG/NBD');
    assert.deepEqual(estimates(p, 3), { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
  });

  it('sBG on the retention cohorts (years 0-7): regular 0.704/1.182, high end 0.668/3.806; survival chart; contract value', async () => {
    const kernel = createKernel({ notebookDir: sampleDataDir('subscriptions') });
    const results = await kernel.run([
      {
        id: 'source',
        text: 'source retention = csv "retention_1000.csv" {\n  period    = year\n  survivors = regular, highend\n  where year <= 7\n}',
      },
      { id: 'model', text: 'model churn = sbg(retention)\nchart survival of churn' },
      {
        id: 'value',
        text: 'value contract = lifetime_value(churn) {\n  payment  100 per year\n  discount 10% per year\n  horizon  10 years\n}',
      },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const p = results.get('model')!.outputs[0].data[MIME.model] as ModelPayload;
    assert.deepEqual(estimates(p, 3), {
      'alpha (regular)': 0.704,
      'beta (regular)': 1.182,
      'alpha (highend)': 0.668,
      'beta (highend)': 3.806,
    });
    compile(results.get('model')!.outputs[1].data[MIME.vegaLite] as never);
    const values = kernel.customerTable('contract')!.table.objects() as { customer: string; clv: number }[];
    assert.deepEqual(
      values.map((v) => v.customer),
      ['regular', 'highend'],
    );
    assert.ok(values[1].clv > values[0].clv && values[0].clv > 100 && values[1].clv < 1000);
  });

  it('BG/BB on the donations summary: 1.204/0.750/0.657/2.783; P(alive) of table 6; segments count donors', async () => {
    const kernel = createKernel({ notebookDir: sampleDataDir('donations') });
    const results = await kernel.run([
      {
        id: 'source',
        text: 'source donations = csv "donations.csv" {\n  frequency = frequency\n  recency   = recency\n  age       = periods\n  weight    = weights\n}',
      },
      { id: 'model', text: 'model givers = bgbb(donations)\nchart matrix of givers by p_alive' },
      {
        id: 'segments',
        text: 'segments appeal on givers {\n  "Reliable" when p_alive > 0.8 and frequency >= 4\n  "Others"   otherwise\n}\nchart bar of appeal',
      },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const p = results.get('model')!.outputs[0].data[MIME.model] as ModelPayload;
    assert.deepEqual(estimates(p, 3), { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    assert.equal(p.logLikelihood.toFixed(1), '-33225.6');
    compile(results.get('model')!.outputs[1].data[MIME.vegaLite] as never);
    // Fader, Hardie & Shang (2010) table 6: P(alive in 2002) for (x, t_x) = (0, 0), (2, 4), (6, 6).
    const rows = kernel.customerTable('givers')!.table.objects() as {
      frequency: number;
      recency: number;
      p_alive: number;
    }[];
    const alive = (x: number, tx: number) => rows.find((r) => r.frequency === x && r.recency === tx)!.p_alive;
    assert.deepEqual(
      [alive(0, 0), alive(2, 4), alive(6, 6)].map((v) => Number(v.toFixed(2))),
      [0.11, 0.59, 0.93],
    );
    const tiers = results.get('segments')!.outputs[0].data[MIME.segments]!;
    assert.equal(tiers.totalCustomers, 11104);
  });
});
