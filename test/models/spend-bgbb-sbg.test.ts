// Gamma-Gamma on CDNOW (946 repeat buyers), BG/BB on the donations data (11,104 donors) and sBG on
// the two 1,000-customer cohorts, against test/fixtures/models/published-values.json.
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';
import {
  cdnowCbs,
  cdnowMeanSpend,
  cdnowRoundedSummary,
  donationsPath,
  published,
  readNumericCsv,
} from './reference-data';
import { assertPrinted } from './tolerance';

describe('models: Gamma-Gamma on CDNOW (Fader & Hardie note 025)', () => {
  const pub = published.gammagamma_cdnow_946;
  const cbs = cdnowCbs();
  const mx = cdnowMeanSpend();
  const data = M.spendData(cbs.x, mx);
  const fit = M.fitGammaGamma(data);

  it('fits the 946 repeat buyers to the published p, q, γ and the CLVTools log-likelihood', () => {
    assert.equal(data.count, 946);
    assert.ok(fit.converged, fit.message);
    for (const k of ['p', 'q', 'gamma'] as const) assertPrinted(fit.params[k], pub[k], k);
    assert.ok(Math.abs(fit.logLikelihood - pub.LL_CLVTools_test) < 0.01, `${fit.logLikelihood}`);
  });

  it('reproduces the conditional expected average profit of the first ten customers (lifetimes test, 2-dp data)', () => {
    const z = cdnowRoundedSummary();
    const fitRounded = M.fitGammaGamma(M.spendData(z.x, z.zbar));
    const spend = M.gammaGammaExpectedSpend(fitRounded.params, z.x.subarray(0, 10), z.zbar.subarray(0, 10));
    // The spreadsheet values are quoted truncated (24.6586 → 24.65); lifetimes compares them with
    // decimal=2 (|diff| < 0.015), which we use too. All but the first also agree after rounding.
    pub.cond_expected_avg_profit_first10.forEach((v: number, i: number) =>
      assertPrinted(spend[i], v, `customer ${i + 1}`, 0.01),
    );
  });
});

describe('models: BG/BB on the donations data (Fader, Hardie & Shang 2010)', () => {
  const pub = published.bgbb_donations_11104;
  const d = readNumericCsv(donationsPath);
  const fit = M.fitBgBb(M.toPatterns(d.frequency, d.recency, d.periods, d.weights));
  const p = fit.params;

  it('recovers the published estimates and log-likelihood', () => {
    assert.ok(fit.converged, fit.message);
    assert.equal(fit.customers, 11104);
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) assertPrinted(p[k], pub[k], k);
    assertPrinted(fit.logLikelihood, pub.LL, 'LL');
    assertPrinted(fit.logLikelihood, pub.BTYD_vignette.LL, 'LL (BTYD)');
  });

  it('reproduces P(alive) (table 6), the 5-period forecast and the expected counts in the first 6 periods', () => {
    const alive = M.bgbbPAlive(p, { frequency: [0, 2, 6], recency: [0, 4, 6], T: [6, 6, 6] });
    pub['P_alive_2002_table6_(x,tx)=(0,0),(2,4),(6,6)'].forEach((v: number, i: number) =>
      assertPrinted(alive[i], v, `P(alive) ${i}`),
    );
    const next = M.bgbbConditionalExpected(p, 5, { frequency: d.frequency, recency: d.recency, T: d.periods });
    assertPrinted(
      next.reduce((s, v, i) => s + v * d.weights[i], 0),
      pub.sum_cond_exp_5_periods,
      'Σ E[X(6,11)]',
    );
    const [row0, row6] = pub.expected_in_first_6_periods_rows0_6;
    assertPrinted(11104 * M.bgbbProbability(p, 6, 0), row0, 'customers with 0 of 6');
    assertPrinted(11104 * M.bgbbProbability(p, 6, 6), row6, 'customers with 6 of 6');
    let total = 0;
    for (let x = 0; x <= 6; x++) total += M.bgbbProbability(p, 6, x);
    assert.ok(Math.abs(total - 1) < 1e-12);
  });

  it('reproduces the BTYD vignette expectations to 5e-5 (relative)', () => {
    // BTYD's optimiser stopped with parameters that differ from the optimum in the 5th digit
    // (same LL to 2 decimals); at our optimum the vignette's numbers agree to 3e-5.
    const v = pub.BTYD_vignette;
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    assert.ok(rel(M.bgbbExpected(p, 10), v['E[X(10)]']) < 5e-5);
    const cet = M.bgbbConditionalExpected(p, 10, { frequency: [0, 4], recency: [0, 5], T: [6, 6] });
    assert.ok(rel(cet[0], v['CET_10_A(x0,tx0,n6)']) < 5e-5, `${cet[0]}`);
    assert.ok(rel(cet[1], v['CET_10_B(x4,tx5,n6)']) < 5e-5, `${cet[1]}`);
  });
});

describe('models: sBG retention (Fader & Hardie 2007)', () => {
  const pub = published.sbg_retention_1000;
  for (const cohort of ['regular', 'highend'] as const) {
    it(`fits the ${cohort} cohort on years 0-7 to the published α, β and log-likelihood`, () => {
      const survivors = pub[`${cohort}_survivors`].slice(0, 8);
      const fit = M.fitSbg(survivors);
      assert.ok(fit.converged, fit.message);
      assertPrinted(fit.params.alpha, pub[cohort].alpha, 'alpha');
      assertPrinted(fit.params.beta, pub[cohort].beta, 'beta');
      assertPrinted(fit.logLikelihood, pub.own_MLE_LL[cohort], 'LL');
      // The projection of years 8-12 stays within 5% of the observed survivors (the paper's point).
      const curve = M.sbgSurvival(fit.params, 12);
      for (let t = 8; t <= 12; t++)
        assert.ok(
          Math.abs(1000 * curve[t] - pub[`${cohort}_survivors`][t]) / pub[`${cohort}_survivors`][t] < 0.05,
          `year ${t}`,
        );
    });
  }

  it('highend: log-likelihood at (1, 1) is -2.115 per customer (shifted_beta_geometric_py)', () => {
    // Quoted truncated to 3 decimals (ours -2.11555), so allow one unit of the last digit.
    assertPrinted(M.sbgLogLik([1, 1], pub.highend_survivors.slice(0, 8)) / 1000, -2.115, 'LL(1,1)/1000', 5e-4);
  });

  it('discounted lifetimes equal the explicit discounted sums of survival', () => {
    const p = { alpha: pub.regular.alpha, beta: pub.regular.beta };
    const S = M.sbgSurvival(p, 4000),
      d = 0.1;
    let del = 0,
      derl = 0;
    for (let t = 0; t <= 4000; t++) del += S[t] / Math.pow(1 + d, t);
    for (let t = 4; t <= 4000; t++) derl += S[t] / S[3] / Math.pow(1 + d, t - 4);
    assert.ok(Math.abs(M.sbgDiscountedLifetime(p, d) - del) < 1e-9);
    assert.ok(Math.abs(M.sbgDiscountedResidualLifetime(p, d, 3) - derl) < 1e-9);
  });

  it('rejects survivor counts that increase, with the period', () => {
    assert.throws(() => M.fitSbg([1000, 600, 700]), /period 2: 700 after 600/);
  });
});
