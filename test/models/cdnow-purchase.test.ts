// BG/NBD, Pareto/NBD and MBG/NBD on the CDNOW sample (2,357 customers, weeks, calibration to
// 1997-09-30) against the published values in test/fixtures/models/published-values.json.
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';
import { cdnowCbs, cdnowRoundedSummary, published, readCdnowSummary } from './reference-data';
import { assertPrinted, roundingSpread } from './tolerance';

const cbs = cdnowCbs();
const patterns = M.toPatterns(cbs.x, cbs.tx, cbs.T);
const h = (x: number[], tx: number[], T: number[]) => ({ frequency: x, recency: tx, T });
const asBg = (p: number[]) => ({ r: p[0], alpha: p[1], a: p[2], b: p[3] });
const asPareto = (p: number[]) => ({ r: p[0], alpha: p[1], s: p[2], beta: p[3] });

describe('models: CDNOW BG/NBD (Fader, Hardie & Lee 2005)', () => {
  const pub = published.bgnbd_cdnow_2357;
  const fit = M.fitBgNbd(patterns);

  it('recovers the published estimates and log-likelihood', () => {
    assert.ok(fit.converged, fit.message);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) assertPrinted(fit.params[k], pub[k], k);
    assert.ok(
      Math.abs(fit.logLikelihood - pub.LL) < 0.05 + 1e-9 &&
        Math.abs(fit.logLikelihood - published.bgnbd_BTYD_walkthrough_vignette.LL) < 0.01,
    );
    assert.ok(fit.gradientNorm < 1e-6 && fit.iterations > 0);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      assert.ok(fit.standardErrors[k]! > 0 && fit.standardErrors[k]! < fit.params[k]);
  });

  it('reproduces the Hardie spreadsheet predictions (lifetimes tests, params 0.243/4.414/0.793/2.426 and its fit on the rounded summary)', () => {
    const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    assertPrinted(
      M.bgnbdConditionalExpected(paper, 39, h([2], [30.43], [38.86]))[0],
      pub['cond_exp_x2_tx30.43_T38.86_t39'],
      'E[Y(39)|2,30.43,38.86]',
    );
    assertPrinted(M.bgnbdProbability(paper, 2, 10), pub['P(X(2)=10)'], 'P(X(2)=10)');
    assertPrinted(M.bgnbdProbability(paper, 39, 0), pub['P(X(39)=0)'], 'P(X(39)=0)');
    // lifetimes fits the 2-decimal summary and compares E[X(t)] to 3 decimals (decimal=3);
    // we match four decimals except t = 78 (1.8580 vs 1.8576), within lifetimes' own tolerance.
    const rounded = cdnowRoundedSummary();
    const fitRounded = M.fitBgNbd(M.toPatterns(rounded.x, rounded.tx, rounded.T));
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    times.forEach((t, i) =>
      assertPrinted(
        M.bgnbdExpected(fitRounded.params, t),
        pub['E[X(t)] t=[0.1429,1,3,31.8571,32,78]'][i],
        `E[X(${t})]`,
        i === 5 ? 5e-4 : 0,
      ),
    );
  });

  it('reproduces the BTYD walkthrough vignette at its parameters', () => {
    const v = published.bgnbd_BTYD_walkthrough_vignette;
    const p = asBg(v.params);
    assertPrinted(M.bgnbdLogLik(v.params, patterns), v.LL, 'LL');
    // Printed to 7 digits from BTYD's own optimum; our MLE agrees to 5e-5 (below).
    assert.ok(Math.abs(M.bgnbdExpected(p, 52) - v['E[X(52)]']) < 1e-5);
    const c1516 = h([26], [30.85714], [31]);
    assert.ok(Math.abs(M.bgnbdConditionalExpected(p, 52, c1516)[0] - v.cust1516.CET_52) < 5e-4);
    assertPrinted(M.bgnbdPAlive(p, c1516)[0], v.cust1516.PAlive, 'PAlive 1516', 1e-6);
    const grid = M.bgnbdConditionalExpected(p, 52, h([10, 15, 20, 25], [20, 20, 20, 20], [39, 39, 39, 39]));
    v['CET_52_tx20_T39_x=10,15,20,25'].forEach((value: number, i: number) =>
      assert.ok(Math.abs(grid[i] - value) / value < 1e-5, `x=${[10, 15, 20, 25][i]}: ${grid[i]} vs ${value}`),
    );
    // BTYD's optimiser stopped a little short of the optimum: ours is at least as likely, and the
    // parameters agree to 1e-4 (relative), which is why the predictions above agree to ~1e-5.
    assert.ok(fit.logLikelihood >= M.bgnbdLogLik(v.params, patterns) - 1e-9);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      assert.ok(
        Math.abs(fit.params[k] - (p as Record<string, number>)[k]) / (p as Record<string, number>)[k] < 2e-4,
        k,
      );
  });

  it('tracks cumulative repeat transactions in weeks 20-25 like BTYD (expected and actual)', () => {
    const v = published.bgnbd_BTYD_walkthrough_vignette['tracking_weeks20-25'];
    const expected = M.expectedCumulativeTransactions(
      M.bgnbdModel(asBg(published.bgnbd_BTYD_walkthrough_vignette.params)),
      cbs.T,
      78,
      78,
    );
    v.bgnbd_expected_cum.forEach((value: number, i: number) =>
      assertPrinted(expected[19 + i], value, `week ${20 + i}`, 1e-3),
    );
    const actual = readCdnowSummary('cdnowSummary_cu_tracking.csv').value;
    v.actual_cum.forEach((value: number, i: number) => assert.equal(actual[19 + i], value));
  });
});

describe('models: CDNOW Pareto/NBD', () => {
  const pub = published.pnbd_cdnow_2357;
  const fit = M.fitParetoNbd(patterns);

  it('recovers the published estimates and log-likelihood', () => {
    assert.ok(fit.converged, fit.message);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) assertPrinted(fit.params[k], pub[k], k);
    assertPrinted(fit.logLikelihood, pub.LL, 'LL');
    assert.ok(Math.abs(fit.logLikelihood - pub.BTYD_walkthrough_vignette.LL) < 0.01);
  });

  it('reproduces the BTYD walkthrough vignette within the spread of its rounded parameters', () => {
    const v = pub.BTYD_walkthrough_vignette;
    // The vignette printed parameters to 3 decimals but computed predictions at its optimum:
    // each prediction must lie within the spread over parameters that print the same.
    const check = (f: (p: number[]) => number, value: number, label: string) =>
      assertPrinted(f(v.params), value, label, roundingSpread(f, v.params));
    assertPrinted(
      M.paretoNbdLogLik(v.params, patterns),
      v.LL,
      'LL',
      roundingSpread((p) => M.paretoNbdLogLik(p, patterns), v.params),
    );
    check((p) => M.paretoExpected(asPareto(p), 52), v['E[X(52)]'], 'E[X(52)]');
    assertPrinted(M.paretoExpected(fit.params, 52), v['E[X(52)]'], 'E[X(52)] at our MLE');
    const c1516 = h([26], [30.85714], [31]);
    check(
      (p) => M.paretoConditionalExpected(asPareto(p), 52, c1516)[0],
      v['cust1516_x26_tx30.85714_T31'].CET_52,
      'CET 1516',
    );
    check((p) => M.paretoPAlive(asPareto(p), c1516)[0], v['cust1516_x26_tx30.85714_T31'].PAlive, 'PAlive 1516');
    [10, 15, 20, 25].forEach((x, i) =>
      check(
        (p) => M.paretoConditionalExpected(asPareto(p), 52, h([x], [20], [39]))[0],
        v['CET_52_tx20_T39_x=10,15,20,25'][i],
        `CET x=${x}`,
      ),
    );
    const tracking = published.bgnbd_BTYD_walkthrough_vignette['tracking_weeks20-25'].pnbd_expected_cum;
    tracking.forEach((value: number, i: number) =>
      check(
        (p) => M.expectedCumulativeTransactions(M.paretoNbdModel(asPareto(p)), cbs.T, 78, 78)[19 + i],
        value,
        `tracking week ${20 + i}`,
      ),
    );
  });
});

describe('models: CDNOW MBG/NBD (Batislam et al. 2007)', () => {
  it('recovers the BTYDplus estimates quoted by lifetimes', () => {
    const fit = M.fitMbgNbd(patterns);
    assert.ok(fit.converged, fit.message);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) assertPrinted(fit.params[k], published.mbgnbd_cdnow[k], k);
    const alive = M.mbgnbdPAlive(fit.params, { frequency: cbs.x, recency: cbs.tx, T: cbs.T });
    const next = M.mbgnbdConditionalExpected(fit.params, 39, { frequency: cbs.x, recency: cbs.tx, T: cbs.T });
    assert.ok(alive.every((p) => p > 0 && p < 1) && next.every((v) => v >= 0 && Number.isFinite(v)));
    // Holdout sanity: the 39-week forecast is 1,577 repeat purchases against 1,882 actual (BG/NBD
    // forecasts 1,653 and Pareto/NBD 1,666: all three under-forecast CDNOW's holdout).
    const forecast = next.reduce((s, v) => s + v, 0),
      actual = cbs.xStar.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(forecast - actual) / actual < 0.2, `${forecast} vs ${actual}`);
  });
});
