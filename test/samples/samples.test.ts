// Every shipped sample runs end to end through the built command line, in a copy of its
// folder (so its exports never land in the repository), and its key figures match the
// published analyses of its data set. A sample that drifts from the literature, leaves a
// segment empty or stops being in canonical layout fails here.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, clvnb, repoRoot } from '../cli/harness';

const MODEL = 'application/vnd.clv.model+json';
const SEGMENTS = 'application/vnd.clv.segments+json';
const CHART = 'application/vnd.vegalite.v5+json';
const TABLE = 'application/vnd.clv.table+json';

interface SampleRun {
  code: number;
  stdout: string;
  payloads: (mime: string) => any[];
}

/** Runs samples/NAME/NAME.clvnb in a temp copy of its folder and returns its --json results. */
async function runSample(name: string): Promise<SampleRun> {
  const dir = mkdtempSync(join(tmpdir(), `clv-sample-${name}-`));
  try {
    cpSync(join(repoRoot, 'samples', name), dir, { recursive: true });
    const run = await clvnb(['run', `${name}.clvnb`, '--json', 'results.json'], dir);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const outputs = results.cells.flatMap((c: any) => c.outputs);
    return {
      code: run.code,
      stdout: run.stdout + run.stderr,
      payloads: (mime) => outputs.map((o: any) => o.data[mime]).filter(Boolean),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function params(model: any): Record<string, number> {
  return Object.fromEntries(model.parameters.map((p: any) => [p.name, p.estimate]));
}

/** Every parameter of every model output carries its meaning (the "Meaning" column is never blank). */
function assertParametersExplained(run: SampleRun): void {
  const models = run.payloads(MODEL);
  assert.ok(models.length > 0, 'the sample has no model output');
  for (const model of models)
    for (const p of model.parameters)
      assert.ok(p.description?.trim(), `${model.name} (${model.kind}): parameter ${p.name} has no meaning`);
}

function assertClose(actual: Record<string, number>, expected: Record<string, number>, digits: number): void {
  for (const [name, value] of Object.entries(expected)) {
    assert.equal(actual[name].toFixed(digits), value.toFixed(digits), `${name}: ${actual[name]} vs published ${value}`);
  }
}

function assertSegmentsComplete(segments: any): void {
  const sizes = segments.segments.map((s: any) => s.customers);
  for (const s of segments.segments) assert.ok(s.customers > 0, `segment "${s.name}" of ${segments.name} is empty`);
  assert.equal(
    sizes.reduce((a: number, b: number) => a + b, 0),
    segments.totalCustomers,
  );
}

describe('samples', function () {
  this.timeout(300_000);
  before(() => buildOnce());

  it('are all in canonical layout (clvnb fmt --check)', async () => {
    const notebooks = ['cdnow', 'subscriptions', 'donations', 'loyalty'].map((n) => join('samples', n, `${n}.clvnb`));
    const r = await clvnb(['fmt', '--check', ...notebooks], repoRoot);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  describe('cdnow', () => {
    let run: SampleRun;
    before(async () => (run = await runSample('cdnow')));

    it('explains every parameter of every model', () => assertParametersExplained(run));

    it('runs with exit 0', () => assert.equal(run.code, 0, run.stdout));

    it('reproduces the published BG/NBD, Pareto/NBD and Gamma-Gamma estimates', () => {
      const models = Object.fromEntries(run.payloads(MODEL).map((m) => [m.name, m]));
      assertClose(params(models.purchases), { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 3);
      assert.ok(Math.abs(models.purchases.logLikelihood - -9582.429) < 0.01);
      assertClose(params(models.purchases_pnbd), { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 2);
      assertClose(params(models.spend), { p: 6.25, q: 3.74, gamma: 15.44 }, 2);
    });

    it('tracks 78 weeks of holdout against the published actual curve', () => {
      const tracking = run.payloads(CHART).filter((s) => String(s.title).startsWith('Cumulative repeat purchases'));
      assert.equal(tracking.length, 2);
      for (const spec of tracking) {
        const actual = spec.data.values.filter((v: any) => v.series === 'actual');
        assert.equal(actual.length, 78);
        // BTYD walkthrough: cumulative repeat transactions in weeks 20-25.
        assert.deepEqual(
          actual.slice(19, 25).map((v: any) => Math.round(v.transactions)),
          [1359, 1414, 1484, 1517, 1573, 1672],
        );
      }
    });

    it('puts every customer in a non-empty tier', () => {
      const [tiers] = run.payloads(SEGMENTS);
      assert.equal(tiers.totalCustomers, 2357);
      assertSegmentsComplete(tiers);
    });
  });

  describe('subscriptions', () => {
    let run: SampleRun;
    before(async () => (run = await runSample('subscriptions')));

    it('explains every parameter of every model', () => assertParametersExplained(run));

    it('runs with exit 0 and reproduces the published sBG estimates per cohort (fitted on years 0-7)', () => {
      assert.equal(run.code, 0, run.stdout);
      const [churn] = run.payloads(MODEL);
      assertClose(
        params(churn),
        { 'alpha (regular)': 0.704, 'beta (regular)': 1.182, 'alpha (highend)': 0.668, 'beta (highend)': 3.806 },
        3,
      );
      assert.ok(Math.abs(churn.logLikelihood - (-1680.27 + -1611.16)) < 0.02);
    });

    it('values a new subscriber per cohort, the high-end plan above the regular one', () => {
      const [values] = run.payloads(TABLE).filter((t) => String(t.title).startsWith('contract_value'));
      const byCohort = Object.fromEntries(values.rows);
      assert.ok(byCohort.highend > byCohort.regular && byCohort.regular > 100, JSON.stringify(values.rows));
    });
  });

  describe('donations', () => {
    let run: SampleRun;
    before(async () => (run = await runSample('donations')));

    it('explains every parameter of every model', () => assertParametersExplained(run));

    it('runs with exit 0 and reproduces the published BG/BB estimates', () => {
      assert.equal(run.code, 0, run.stdout);
      const [givers] = run.payloads(MODEL);
      assertClose(params(givers), { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 3);
      assert.ok(Math.abs(givers.logLikelihood - -33225.58) < 0.01);
    });

    it('splits all 11,104 donors into non-empty appeal segments', () => {
      const [appeal] = run.payloads(SEGMENTS);
      assert.equal(appeal.totalCustomers, 11104);
      assertSegmentsComplete(appeal);
    });
  });

  describe('loyalty', () => {
    let run: SampleRun;
    before(async () => (run = await runSample('loyalty')));

    it('explains every parameter of every model', () => assertParametersExplained(run));

    it('runs with exit 0 and tiers all 600 members into non-empty tiers', () => {
      assert.equal(run.code, 0, run.stdout);
      const [tiers] = run.payloads(SEGMENTS);
      assert.equal(tiers.totalCustomers, 600);
      assertSegmentsComplete(tiers);
    });
  });
});
