// Degenerate data: fits never return NaN/Infinity silently and never crash; when the data cannot
// identify a model the result says converged = false with a reason.
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';

type Fit = M.FitResult;
const finiteOrExplained = (fit: Fit, label: string) => {
  const values = [...Object.values(fit.params), fit.logLikelihood, fit.gradientNorm] as number[];
  if (fit.converged)
    assert.ok(values.every(Number.isFinite), `${label}: converged with non-finite values ${JSON.stringify(fit)}`);
  else assert.ok(fit.message && fit.message.length > 10, `${label}: not converged without a reason`);
  assert.ok(
    Object.values(fit.params).every((v) => !Number.isNaN(v)),
    `${label}: NaN parameter`,
  );
};
const fitAll = (x: number[], tx: number[], T: number[]) => {
  const p = M.toPatterns(x, tx, T);
  return { bgnbd: M.fitBgNbd(p), mbgnbd: M.fitMbgNbd(p), pareto: M.fitParetoNbd(p) };
};

describe('models: degenerate data', () => {
  it('every customer with x = 0: no NaN, and a reason when the parameters run off', () => {
    const n = 200;
    const fits = fitAll(
      new Array(n).fill(0),
      new Array(n).fill(0),
      Array.from({ length: n }, (_, i) => 10 + (i % 30)),
    );
    for (const [k, f] of Object.entries(fits)) finiteOrExplained(f, k);
    assert.ok(!fits.bgnbd.converged && /identify|converge/.test(fits.bgnbd.message!), fits.bgnbd.message);
  });

  it('one customer with x = 500 among ordinary ones; predictions stay finite', () => {
    const x = [500, 0, 1, 2, 0, 3, 1, 0, 5, 0],
      tx = [38, 0, 5, 20, 0, 30, 2, 0, 35, 0],
      T = [39, 39, 39, 39, 30, 39, 20, 39, 39, 10];
    const fits = fitAll(x, tx, T);
    for (const [k, f] of Object.entries(fits)) finiteOrExplained(f, k);
    const h = { frequency: x, recency: tx, T };
    for (const model of [
      M.bgnbdModel(fits.bgnbd.params),
      M.paretoNbdModel(fits.pareto.params),
      M.mbgnbdModel(fits.mbgnbd.params),
    ]) {
      assert.ok(
        model.pAlive(h).every((v) => v >= 0 && v <= 1),
        model.kind,
      );
      assert.ok(
        model.conditionalExpected(52, h).every((v) => Number.isFinite(v) && v >= 0),
        model.kind,
      );
    }
    // At the published CDNOW parameters, x = 500 gives a large finite forecast (no overflow).
    const big = M.bgnbdConditionalExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 52, {
      frequency: [500],
      recency: [39],
      T: [39],
    })[0];
    assert.ok(big > 100 && big < 1000, `${big}`);
  });

  it('T = 0 (bought on the last day) and a single customer', () => {
    finiteOrExplained(M.fitBgNbd(M.toPatterns([0, 1, 0], [0, 2, 0], [0, 5, 0])), 'T=0');
    const one = fitAll([2], [5], [10]);
    for (const [k, f] of Object.entries(one)) finiteOrExplained(f, `one customer ${k}`);
    const alive = M.bgnbdPAlive(
      { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      { frequency: [0, 3], recency: [0, 0], T: [0, 0] },
    );
    assert.deepEqual(
      Array.from(alive).map((v) => Number.isFinite(v)),
      [true, true],
    );
  });

  it('huge amounts: Gamma-Gamma stays finite; no repeat buyer at all is a clear error', () => {
    const fit = M.fitGammaGamma(M.spendData([1, 2, 3, 1, 4], [1e12, 3e12, 5e11, 2e12, 7e12]));
    finiteOrExplained(fit, 'huge amounts');
    if (fit.converged) assert.ok(M.gammaGammaExpectedSpend(fit.params, [2], [3e12]).every(Number.isFinite));
    assert.throws(() => M.fitGammaGamma(M.spendData([0, 0], [0, 0])), /no customer has a repeat purchase/);
  });

  it('an empty log gives an empty summary, not a crash', () => {
    const s = M.summariseTransactions(
      { customerIds: [], customer: new Int32Array(0), time: new Float64Array(0), amount: null, rows: 0 },
      { calibrationEnd: 10 },
    );
    assert.equal(s.frequency.length, 0);
    assert.throws(() => M.fitBgNbd(M.toPatterns(s.frequency, s.recency, s.T)), /no customers/);
  });
});
