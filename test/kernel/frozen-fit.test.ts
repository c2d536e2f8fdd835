// Frozen fits (`save_fit` / `frozen`): a fit saved by one notebook scores the same customers
// exactly as the fitted model did, in a fresh kernel, without fitting; it scores other data with
// the saved parameters; and every file that cannot serve (another kind, another time unit or
// returns policy, missing, not JSON, a per-customer export) is refused with a message that says
// which file and why, before the run where the editor can tell and by the run otherwise.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type ModelPayload } from '../../server/src/kernel/output-types';
import { checkNotebook } from '../../server/src/cli/diagnostics';
import { loadNotebookText } from '../../server/src/cli/notebook-io';
import { checkProgram } from '../../server/src/language';
import { renderModel } from '../../server/src/report/model-html';
import { CDNOW_SOURCE, cdnowDir } from './notebooks';

// The notebook folder is a temporary one (fits are written there); the data stay in the sample.
const source = CDNOW_SOURCE.replace('"CDNOW_sample.txt"', JSON.stringify(join(cdnowDir, 'CDNOW_sample.txt')));
const split = (until = '1997-09-30', unit = 'weeks') =>
  `split cal = orders until ${until}, holdout until 1998-06-30, in ${unit}`;

const cells = (models: string, splitText = split()) => [
  { id: 'data', text: `${source}\n${splitText}` },
  { id: 'models', text: models },
  {
    id: 'value',
    text: 'value clv = lifetime_value(bg, spend) {\n  horizon 12 months\n  discount 10% per year\n  margin 30%\n}',
  },
];

const FITTED = `model bg = bgnbd(cal) {
  intervals 90%
  draws 200
  save_fit "fits/q3.fit.json"
}
model spend = gamma_gamma(cal) {
  save_fit "fits/spend.fit.json"
}`;

// The same models, read back from the fits the first run saved.
const FROZEN = FITTED.replaceAll('save_fit', 'frozen');

const column = (kernel: ReturnType<typeof createKernel>, name: string, metric: string) =>
  Array.from(kernel.customerTable(name)!.table.array(metric) as ArrayLike<number>);

describe('frozen fits', function () {
  this.timeout(240_000);
  let dir: string;
  let fitted: ReturnType<typeof createKernel>;
  let fittedModel: ModelPayload;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clv-frozen-'));
    fitted = createKernel({ notebookDir: dir });
    const results = await fitted.run(cells(FITTED));
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    fittedModel = results.get('models')!.outputs[0].data[MIME.model] as ModelPayload;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('saves what the fit was made on: kind, parameters, covariance, unit, returns, dates, a data fingerprint', () => {
    const saved = JSON.parse(readFileSync(join(dir, 'fits', 'q3.fit.json'), 'utf8'));
    assert.equal(saved.format, 'clv-notebooks fit');
    assert.equal(saved.version, 1);
    assert.equal(saved.kind, 'bgnbd');
    assert.deepEqual(
      Object.keys(saved.parameters),
      fittedModel.parameters.map((p) => p.name),
    );
    fittedModel.parameters.forEach((p) => assert.equal(saved.parameters[p.name], p.estimate, p.name));
    assert.equal(saved.logCovariance.length, 4);
    assert.equal(saved.customers, 2357);
    assert.deepEqual(
      { ...saved.fittedOn, fingerprint: undefined },
      {
        unit: 'weeks',
        returns: 'exclude',
        calibrationStart: '1997-01-01',
        calibrationEnd: '1997-09-30',
        fingerprint: undefined,
      },
    );
    assert.match(saved.fittedOn.fingerprint, /^[0-9a-f]{40}$/);
    assert.deepEqual(fittedModel.frozen, { file: 'fits/q3.fit.json', role: 'written' });
  });

  it('a frozen model scores the same customers exactly as the fitted one, in a fresh kernel, without fitting', async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run(cells(FROZEN));
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const model = results.get('models')!.outputs[0].data[MIME.model] as ModelPayload;
    assert.equal(model.iterations, 0);
    assert.deepEqual(
      model.parameters.map((p) => [p.estimate, p.standardError, p.low, p.high]),
      fittedModel.parameters.map((p) => [p.estimate, p.standardError, p.low, p.high]),
    );
    // The same likelihood on the same data (the optimizer's last evaluation vs a fresh one).
    assert.ok(Math.abs(model.logLikelihood - fittedModel.logLikelihood) < 1e-9 * Math.abs(model.logLikelihood));
    for (const metric of ['p_alive', 'expected_purchases', 'p_alive_low', 'p_alive_high', 'expected_purchases_high'])
      assert.deepEqual(column(kernel, 'bg', metric), column(fitted, 'bg', metric), metric);
    for (const metric of ['clv', 'clv_low', 'clv_high'])
      assert.deepEqual(column(kernel, 'clv', metric), column(fitted, 'clv', metric), metric);
    assert.deepEqual(model.bootstrap, fittedModel.bootstrap);
    const text = results.get('models')!.outputs[0].data['text/plain'];
    assert.match(text, /^bg: BG\/NBD scoring 2,357 customers with frozen parameters\n/);
    // The HTML report says the same, with a "frozen" badge instead of convergence facts.
    const html = renderModel(model);
    assert.match(html, /<span class="badge ok">frozen<\/span>/);
    assert.match(html, /Frozen parameters from &quot;fits\/q3\.fit\.json&quot;, not fitted here/);
    assert.doesNotMatch(html, /iterations/);
    assert.match(
      text,
      /Frozen parameters from "fits\/q3\.fit\.json", not fitted here: fitted on 2,357 customers \(time in weeks, calibration 1997-01-01 to 1997-09-30, returns exclude; data [0-9a-f]{12}\), log-likelihood there -9,582\.43\./,
    );
  });

  it('scores other data (a later calibration end) with the saved parameters as they are', async () => {
    const kernel = createKernel({ notebookDir: dir });
    const results = await kernel.run(cells(FROZEN, split('1997-12-31')));
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const model = results.get('models')!.outputs[0].data[MIME.model] as ModelPayload;
    assert.deepEqual(
      model.parameters.map((p) => p.estimate),
      fittedModel.parameters.map((p) => p.estimate),
    );
    assert.notEqual(model.logLikelihood, fittedModel.logLikelihood);
    assert.notDeepEqual(column(kernel, 'bg', 'p_alive'), column(fitted, 'bg', 'p_alive'));
  });

  const runError = async (models: string, splitText = split()) => {
    const kernel = createKernel({ notebookDir: dir });
    const r = (await kernel.run(cells(models, splitText))).get('models')!;
    assert.equal(r.status, 'error');
    return r.error!.message;
  };

  it('refuses a saved fit of another model kind, time unit or returns policy, naming the file and the fix', async () => {
    assert.match(
      await runError('model bg = pareto_nbd(cal) {\n  frozen "fits/q3.fit.json"\n}\nmodel spend = gamma_gamma(cal)'),
      /"fits\/q3\.fit\.json" holds a `bgnbd` fit, and this model is `pareto_nbd`: write `bgnbd\(…\)` to score with it, or save a `pareto_nbd` fit\./,
    );
    assert.match(
      await runError(FROZEN, split('1997-09-30', 'months')),
      /"fits\/q3\.fit\.json" was fitted with time in weeks, and this model's data count months: its rates are per week, so split the data `in weeks`\./,
    );
    const netSource = `${source.replace('amount   = sales', 'amount   = sales\n  returns net')}\n${split()}`;
    const kernel = createKernel({ notebookDir: dir });
    const r = (
      await kernel.run([
        { id: 'data', text: netSource },
        { id: 'models', text: FROZEN },
      ])
    ).get('models')!;
    assert.match(
      r.error!.message,
      /"fits\/q3\.fit\.json" was fitted on a source with `returns exclude`, and this model's source has `returns net`: purchases and spend would not be counted alike\./,
    );
  });

  it('refuses a missing file, text that is not JSON and a per-customer .json export', async () => {
    assert.match(
      await runError('model bg = bgnbd(cal) {\n  frozen "fits/none.json"\n}\nmodel spend = gamma_gamma(cal)'),
      /^2:10 {2}Cannot read the saved fit "fits\/none\.json": ENOENT/,
    );
    writeFileSync(join(dir, 'broken.json'), '{"format": "clv-notebooks fit", ');
    assert.match(
      await runError('model bg = bgnbd(cal) {\n  frozen "broken.json"\n}\nmodel spend = gamma_gamma(cal)'),
      /^2:10 {2}"broken\.json" is not a usable saved fit: it is not JSON \(/,
    );
    writeFileSync(join(dir, 'rows.json'), '[{"customer": "1", "clv": 3.5}]');
    assert.match(
      await runError('model bg = bgnbd(cal) {\n  frozen "rows.json"\n}\nmodel spend = gamma_gamma(cal)'),
      /^2:10 {2}"rows\.json" is not a usable saved fit: it is not a saved fit \(no "format": "clv-notebooks fit"\); write one with a model's `save_fit` option\.$/,
    );
  });

  it('never writes a fit onto a file the notebook reads (its own frozen fit)', async () => {
    const message = await runError(
      'model bg = bgnbd(cal) {\n  frozen "fits/q3.fit.json"\n}\nmodel spend = gamma_gamma(cal) {\n  save_fit "fits/q3.fit.json"\n}',
    );
    assert.equal(
      message,
      '5:12  Refusing to write "fits/q3.fit.json": it is the saved fit of model `bg`, which the notebook reads; write elsewhere.',
    );
  });

  it('before a run: the checker refuses fitting options on a frozen model; the file checks read the file', () => {
    const program = checkProgram([
      { id: 'a', text: `${source}\n${split()}` },
      {
        id: 'b',
        text: 'model bg = bgnbd(cal) {\n  frozen "fits/q3.fit.json"\n  penalty 0.01\n  save_fit "x.json"\n}\nmodel s = sbg(cal) {\n  frozen 3\n}',
      },
    ]);
    const messages = program.diagnostics.filter((d) => d.cellId === 'b').map((d) => `${d.code}: ${d.message}`);
    assert.deepEqual(messages.slice(0, 2), [
      'option-not-applicable: `penalty` acts on fitting, but a `frozen` model is not fitted: it scores with the saved parameters as they are',
      'option-not-applicable: `save_fit` acts on fitting, but a `frozen` model is not fitted: it scores with the saved parameters as they are',
    ]);
    for (const expected of [
      'invalid-option-value: `frozen` takes a file path in quotes, such as `"fits/q3.fit.json"`',
      'option-not-applicable: `frozen` applies to purchase models and gamma_gamma models only; `sbg` is a retention model',
    ])
      assert.ok(messages.includes(expected), messages.join('\n'));

    const notebook = (models: string) =>
      checkNotebook(
        loadNotebookText(
          join(dir, 'check.clvnb'),
          `# Check\n\n\`\`\`clv\n${source}\n${split()}\n\`\`\`\n\n\`\`\`clv\n${models}\n\`\`\`\n`,
        ),
      ).map((d) => d.message);
    assert.deepEqual(notebook(FROZEN), []);
    assert.deepEqual(notebook('model bg = pareto_nbd(cal) {\n  frozen "fits/q3.fit.json"\n}'), [
      '"fits/q3.fit.json" holds a `bgnbd` fit, and this model is `pareto_nbd`: write `bgnbd(…)` to score with it, or save a `pareto_nbd` fit',
    ]);
    assert.match(
      notebook('model bg = bgnbd(cal) {\n  frozen "fits/none.json"\n}')[0],
      /^cannot read the saved fit "fits\/none\.json": ENOENT/,
    );
    assert.deepEqual(notebook('model bg = bgnbd(cal) {\n  frozen "rows.json"\n}'), [
      `"rows.json" is not a usable saved fit: it is not a saved fit (no "format": "clv-notebooks fit"); write one with a model's \`save_fit\` option`,
    ]);
  });
});
