// Fit and scoring times of the models library (medians via measure()), each including the
// sufficient statistics built from the summary, with ratios against Python lifetimes on this
// machine type (BG/NBD CDNOW 0.07 s, BG/NBD 100k 0.93 s, Pareto/NBD 100k 17.6 s, Gamma-Gamma 100k 0.18 s).
import * as M from '../server/src/models';
import { cdnowCbs } from '../test/models/reference-data';
import { measure, verdict, type Timing } from './measure';

const DAY0 = Date.UTC(1997, 0, 1) / 86400000;

function line(t: Timing, targetMs: number, lifetimesMs?: number) {
  const ratio = lifetimesMs
    ? `   ${(lifetimesMs / t.medianMs).toFixed(1)}x faster than lifetimes (${lifetimesMs} ms)`
    : '';
  verdict(t.name, t.medianMs, { below: targetMs });
  if (ratio) console.log(ratio);
}

function summaryOf(customers: number, seed: number) {
  const log = M.generateTransactions({
    customers,
    seed,
    startDay: DAY0,
    acquisitionDays: 84,
    endDay: DAY0 + 545,
    model: { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  });
  return M.summariseTransactions(log, { calibrationEnd: DAY0 + 272, holdoutEnd: DAY0 + 545, unit: 'weeks' });
}

async function main() {
  const cbs = cdnowCbs();
  line(
    await measure('BG/NBD fit, CDNOW (2,357 customers)', () => M.fitBgNbd(M.toPatterns(cbs.x, cbs.tx, cbs.T)), 9),
    10,
    70,
  );

  const s = summaryOf(100_000, 7);
  line(
    await measure(
      'BG/NBD fit, 100,000 generated customers',
      () => M.fitBgNbd(M.toPatterns(s.frequency, s.recency, s.T)),
      5,
    ),
    100,
    930,
  );
  line(
    await measure(
      'Pareto/NBD fit, 100,000 generated customers',
      () => M.fitParetoNbd(M.toPatterns(s.frequency, s.recency, s.T)),
      3,
    ),
    1000,
    17600,
  );
  line(
    await measure(
      'Gamma-Gamma fit, 100,000 generated customers',
      () => M.fitGammaGamma(M.spendData(s.frequency, s.monetary!)),
      5,
    ),
    50,
    180,
  );

  const big = summaryOf(1_000_000, 11);
  const model = M.bgnbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  const h = { frequency: big.frequency, recency: big.recency, T: big.T };
  const spend = M.gammaGammaExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, big.frequency, big.monetary);
  const terms = { horizon: 52, period: 52, unitDays: 7, annualDiscount: 0.1, margin: 0.3 };
  line(
    await measure(
      `Scoring ${big.frequency.length.toLocaleString()} customers: P(alive) + E[purchases 52 w] + CLV (1 yearly period)`,
      () => {
        model.pAlive(h);
        model.conditionalExpected(52, h);
        M.customerLifetimeValue(model, h, spend, terms);
      },
      3,
    ),
    1000,
  );
  line(
    await measure(
      'Summary of a 1M-row log (generated)',
      () => {
        M.summariseTransactions(logOf1M, { calibrationEnd: DAY0 + 272, holdoutEnd: DAY0 + 545, unit: 'weeks' });
      },
      5,
    ),
    300,
  );
}

const logOf1M = M.generateTransactions({
  customers: 250_000,
  seed: 3,
  startDay: DAY0,
  acquisitionDays: 84,
  endDay: DAY0 + 545,
  model: { kind: 'bgnbd', r: 0.5, alpha: 4.414, a: 0.793, b: 2.426 },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
});
console.log(`(generated log for the summary timing: ${logOf1M.rows.toLocaleString()} rows)`);
await main();
