// P(alive) at a future date and P(no purchase) over the next t units, per customer, for the
// BG/NBD, MBG/NBD, Pareto/NBD and BG/BB, checked against the models' own stories simulated
// independently (not the formulas): by the law of total expectation, among customers with the
// same kind of history the mean predicted probability equals the share of simulated customers
// who are alive at T + t, or make no purchase in (T, T + t]. And the Pareto/NBD's P(X(t) = n),
// summed over n, is 1 and has the closed-form mean E[X(t)].
import assert from 'node:assert/strict';
import {
  bgbbModel,
  bgnbdModel,
  bgnbdProbability,
  mbgnbdModel,
  paretoExpected,
  paretoNbdModel,
  paretoProbability,
  type PurchaseModel,
} from '../../server/src/models';
import { beta, exponential, gamma, seededRandom } from '../../server/src/models/generate/random';
import { assertPrinted } from './tolerance';

interface Simulated {
  frequency: number[];
  recency: number[];
  T: number[];
  aliveLater: number[];
  noPurchase: number[];
}

const CUSTOMERS = 60_000;
const HORIZON = 26;

/**
 * Continuous-time customers from first purchase at 0 to T + HORIZON: Poisson purchases at λ;
 * Pareto/NBD death at an exponential time, (M)BG/NBD drop-out with chance p right after each
 * repeat purchase (MBG/NBD: after the first purchase too).
 */
function simulateContinuous(kind: 'bgnbd' | 'mbgnbd' | 'pareto_nbd', params: number[], seed: number): Simulated {
  const rand = seededRandom(seed);
  const out: Simulated = { frequency: [], recency: [], T: [], aliveLater: [], noPurchase: [] };
  const [r, alpha, third, fourth] = params;
  for (let c = 0; c < CUSTOMERS; c++) {
    const T = 20 + 20 * rand();
    const lambda = gamma(rand, r, alpha);
    const death = kind === 'pareto_nbd' ? exponential(rand, gamma(rand, third, fourth)) : Infinity;
    const p = kind === 'pareto_nbd' ? 0 : beta(rand, third, fourth);
    let alive = !(kind === 'mbgnbd' && rand() < p);
    let t = 0,
      x = 0,
      tx = 0,
      later = 0;
    let deadAt = alive ? death : 0;
    while (alive) {
      t += exponential(rand, lambda);
      if (t >= deadAt || t > T + HORIZON) break;
      if (t <= T) {
        x++;
        tx = t;
      } else later++;
      if (kind !== 'pareto_nbd' && rand() < p) {
        alive = false;
        deadAt = t;
      }
    }
    out.frequency.push(x);
    out.recency.push(tx);
    out.T.push(T);
    out.aliveLater.push(alive && deadAt > T + HORIZON ? 1 : 0);
    out.noPurchase.push(later === 0 ? 1 : 0);
  }
  return out;
}

/** BG/BB customers over opportunities 1 … n + HORIZON: dead at one's start with chance θ, else buying with chance p. */
function simulateBgbb(params: number[], n: number, horizon: number, seed: number): Simulated {
  const rand = seededRandom(seed);
  const out: Simulated = { frequency: [], recency: [], T: [], aliveLater: [], noPurchase: [] };
  const [a, b, g, d] = params;
  for (let c = 0; c < CUSTOMERS; c++) {
    const p = beta(rand, a, b),
      theta = beta(rand, g, d);
    let x = 0,
      tx = 0,
      later = 0,
      alive = true;
    for (let j = 1; j <= n + horizon && alive; j++) {
      if (rand() < theta) alive = false;
      else if (rand() < p) {
        if (j <= n) {
          x++;
          tx = j;
        } else later++;
      }
    }
    out.frequency.push(x);
    out.recency.push(tx);
    out.T.push(n);
    out.aliveLater.push(alive ? 1 : 0);
    out.noPurchase.push(later === 0 ? 1 : 0);
  }
  return out;
}

/** Predicted vs simulated share per group of histories, within 4.5 standard errors of the simulation. */
function agrees(model: PurchaseModel, sim: Simulated, horizon: number, groups: [string, (x: number) => boolean][]) {
  const h = {
    frequency: Float64Array.from(sim.frequency),
    recency: Float64Array.from(sim.recency),
    T: Float64Array.from(sim.T),
  };
  const predictions = { aliveLater: model.pAliveAfter(horizon, h), noPurchase: model.pNoPurchase(horizon, h) };
  for (const [name, inGroup] of groups)
    for (const what of ['aliveLater', 'noPurchase'] as const) {
      let n = 0,
        predicted = 0,
        observed = 0;
      sim.frequency.forEach((x, i) => {
        if (!inGroup(x)) return;
        n++;
        predicted += predictions[what][i];
        observed += sim[what][i];
      });
      predicted /= n;
      observed /= n;
      const se = Math.sqrt((observed * (1 - observed)) / n);
      assert.ok(n > 1000, `${name}: ${n} customers`);
      assert.ok(
        Math.abs(predicted - observed) < 4.5 * se + 1e-3,
        `${model.kind} ${what} ${name}: predicted ${predicted.toFixed(4)}, simulated ${observed.toFixed(4)} ± ${se.toFixed(4)} (${n} customers)`,
      );
    }
}

const BY_FREQUENCY: [string, (x: number) => boolean][] = [
  ['x = 0', (x) => x === 0],
  ['x = 1–3', (x) => x >= 1 && x <= 3],
  ['x ≥ 4', (x) => x >= 4],
];

describe('P(alive) at a future date and P(no purchase) over a horizon', function () {
  this.timeout(120_000);

  it('BG/NBD (CDNOW parameters): as the simulated customers', () => {
    const [r, alpha, a, b] = [0.2426, 4.4137, 0.793, 2.4262];
    agrees(bgnbdModel({ r, alpha, a, b }), simulateContinuous('bgnbd', [r, alpha, a, b], 11), HORIZON, BY_FREQUENCY);
  });

  it('MBG/NBD (CDNOW parameters): as the simulated customers', () => {
    const [r, alpha, a, b] = [0.525, 6.183, 0.891, 1.614];
    agrees(mbgnbdModel({ r, alpha, a, b }), simulateContinuous('mbgnbd', [r, alpha, a, b], 12), HORIZON, BY_FREQUENCY);
  });

  it('Pareto/NBD (CDNOW parameters): as the simulated customers', () => {
    const [r, alpha, s, beta] = [0.553, 10.578, 0.606, 11.669];
    agrees(
      paretoNbdModel({ r, alpha, s, beta }),
      simulateContinuous('pareto_nbd', [r, alpha, s, beta], 13),
      HORIZON,
      BY_FREQUENCY,
    );
  });

  it('BG/BB (donation parameters, 6 opportunities, 5 ahead): as the simulated customers', () => {
    const params = [1.204, 0.75, 0.657, 2.783];
    const [alpha, beta, gamma, delta] = params;
    agrees(bgbbModel({ alpha, beta, gamma, delta }), simulateBgbb(params, 6, 5, 14), 5, [
      ['x = 0', (x) => x === 0],
      ['x = 1–3', (x) => x >= 1 && x <= 3],
      ['x ≥ 4', (x) => x >= 4],
    ]);
  });

  it('a new BG/NBD customer: P(no purchase in 39 weeks) is P(X(39) = 0), 0.5737864 in the BTYD manual', () => {
    // The parameters as printed in the paper (what the manual's figure was computed from).
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const h = { frequency: Float64Array.of(0), recency: Float64Array.of(0), T: Float64Array.of(0) };
    const none = bgnbdModel(p).pNoPurchase(39, h)[0];
    assert.ok(Math.abs(none - bgnbdProbability(p, 39, 0)) < 1e-12, String(none));
    assertPrinted(none, 0.5737864, 'P(X(39) = 0)');
  });

  it('Pareto/NBD P(X(t) = n) sums to 1 and has the mean E[X(t)] (CDNOW, t = 39 and 78 weeks)', () => {
    const p = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 };
    for (const t of [39, 78]) {
      let total = 0,
        mean = 0;
      for (let n = 0; n < 400; n++) {
        const q = paretoProbability(p, t, n);
        assert.ok(q >= 0, `P(X(${t}) = ${n}) = ${q}`);
        total += q;
        mean += n * q;
      }
      assert.ok(Math.abs(total - 1) < 1e-9, `t = ${t}: Σ P = ${total}`);
      assert.ok(Math.abs(mean - paretoExpected(p, t)) < 1e-7, `t = ${t}: mean ${mean} vs ${paretoExpected(p, t)}`);
    }
  });
});
