// The bootstrap's draw tables (uncertainty/drawn-predictions.ts) against the models' own
// predictions evaluated draw by draw: the tables only regroup the arithmetic, so every draw's
// P(alive), expected purchases and discounted purchases on every pattern must agree to rounding.
import assert from 'node:assert/strict';
import * as M from '../../server/src/models';

const day0 = Date.UTC(1997, 0, 1) / 86400000;
const DRAWS = 7;

function patterns(kind: 'bgnbd' | 'pareto_nbd') {
  const model =
    kind === 'bgnbd'
      ? { kind, r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
      : { kind, r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
  const log = M.generateTransactions({
    customers: 3000,
    seed: 11,
    startDay: day0,
    acquisitionDays: 84,
    endDay: day0 + 545,
    model,
  });
  const s = M.summariseTransactions(log, { calibrationEnd: day0 + 272, holdoutEnd: day0 + 545, unit: 'weeks' });
  return M.toPatterns(s.frequency, s.recency, s.T);
}

const CASES = [
  { kind: 'bgnbd', estimate: [0.243, 4.414, 0.793, 2.426], model: M.bgnbdModel, names: ['r', 'alpha', 'a', 'b'] },
  { kind: 'mbgnbd', estimate: [0.525, 6.183, 0.891, 1.614], model: M.mbgnbdModel, names: ['r', 'alpha', 'a', 'b'] },
  {
    kind: 'pareto_nbd',
    estimate: [0.553, 10.578, 0.606, 11.669],
    model: M.paretoNbdModel,
    names: ['r', 'alpha', 's', 'beta'],
  },
] as const;

const covariance = [
  [0.01, 0.004, 0, 0],
  [0.004, 0.02, 0, 0],
  [0, 0, 0.03, 0.01],
  [0, 0, 0.01, 0.05],
];

/** A drawn prediction's values on all patterns, [pattern × draws + draw]. */
function evaluateAll(f: M.DrawnPrediction, count: number): Float64Array {
  const out = new Float64Array(count * DRAWS);
  // Two chunks, the second starting mid-way, as the bootstrap calls it.
  const half = count >> 1;
  f(0, half, out.subarray(0, half * DRAWS));
  f(half, count, out.subarray(half * DRAWS));
  return out;
}

function close(actual: number, expected: number, what: string) {
  assert.ok(Math.abs(actual - expected) <= 1e-12 + 1e-10 * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

describe('models: drawn predictions for the bootstrap', () => {
  for (const c of CASES)
    it(`${c.kind}: the tables equal the model's P(alive), expected and discounted purchases draw by draw`, () => {
      const p = patterns(c.kind === 'pareto_nbd' ? 'pareto_nbd' : 'bgnbd');
      const draws = M.drawParameters(c.estimate, covariance, DRAWS, 3);
      const terms = { horizon: 52, period: 365.2425 / 12 / 7, unitDays: 7, annualDiscount: 0.1, margin: 1 };
      const alive = evaluateAll(M.drawnPAlive(c.kind, draws, p), p.count);
      const expected = evaluateAll(M.drawnExpected(c.kind, draws, p, { times: [39], factors: [1] }), p.count);
      const discounted = evaluateAll(M.drawnExpected(c.kind, draws, p, M.discountSchedule(terms)), p.count);
      const h = { frequency: p.x, recency: p.tx, T: p.T };
      draws.forEach((theta, d) => {
        const params = Object.fromEntries(c.names.map((n, i) => [n, theta[i]]));
        const model = (c.model as (p: Record<string, number>) => M.PurchaseModel)(params);
        const a = model.pAlive(h),
          e = model.conditionalExpected(39, h),
          v = M.discountedExpectedPurchases(model, h, terms);
        for (let k = 0; k < p.count; k++) {
          close(alive[k * DRAWS + d], a[k], `P(alive), pattern ${k}, draw ${d}`);
          close(expected[k * DRAWS + d], e[k], `expected, pattern ${k}, draw ${d}`);
          close(discounted[k * DRAWS + d], v[k], `discounted, pattern ${k}, draw ${d}`);
        }
      });
      assert.ok(p.count > 500, `enough patterns to mean something (${p.count})`);
    });

  for (const kind of ['bgnbd', 'mbgnbd'] as const)
    it(`${kind}: histories whose odds leave the range of a double (x = 400, long silence) agree too`, () => {
      // The tables' powers of (α+T)/c and c/(α+t_x) (c = α + 300 here) overflow or underflow for
      // these: the last has odds near 60 from a power 0 times a power ∞, so they fall back to log space.
      const p = M.toPatterns([0, 400, 400, 400, 3, 400], [0, 1, 300, 150, 0.5, 0.45], [300, 300, 300, 300, 0.5, 0.5]);
      const draws = M.drawParameters([0.243, 4.414, 0.793, 2.426], covariance, DRAWS, 5);
      const alive = evaluateAll(M.drawnPAlive(kind, draws, p), p.count);
      draws.forEach(([r, alpha, a, b], d) => {
        const params = { r, alpha, a, b };
        const expected = (kind === 'bgnbd' ? M.bgnbdPAlive : M.mbgnbdPAlive)(params, {
          frequency: p.x,
          recency: p.tx,
          T: p.T,
        });
        for (let k = 0; k < p.count; k++) close(alive[k * DRAWS + d], expected[k], `pattern ${k}, draw ${d}`);
      });
    });
});
