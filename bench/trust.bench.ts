// Issue 16's targets: comparing three fitted models on a 100,000-customer holdout (< 1 s: the
// statement's own work, from the models' kept holdout expectations) and bootstrap intervals with
// 1,000 parameter draws on 1,000,000 customers (< 3 s: per-customer bounds of expected holdout
// purchases and the interval of their total, through the kernel's models port).
import { aic, bic, errorByDecile, holdoutErrors } from '../server/src/kernel/compare/scorecard';
import { holdoutByFrequency } from '../server/src/kernel/evaluate/holdout-check';
import { modelsLibrary } from '../server/src/kernel/models-adapter';
import type { FittedModel } from '../server/src/kernel/models-port';
import * as M from '../server/src/models';
import { measure, verdict, type Timing } from './measure';

const DAY0 = Date.UTC(1997, 0, 1) / 86400000;

function summaryOf(customers: number) {
  const log = M.generateTransactions({
    customers,
    seed: 7,
    startDay: DAY0,
    acquisitionDays: 84,
    endDay: DAY0 + 545,
    model: { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  });
  return M.summariseTransactions(log, { calibrationEnd: DAY0 + 272, holdoutEnd: DAY0 + 545, unit: 'weeks' });
}

async function fit(kind: string, s: ReturnType<typeof summaryOf>): Promise<FittedModel> {
  return modelsLibrary.fitModel(
    kind,
    { kind: 'summary', frequency: s.frequency, recency: s.recency, age: s.T, monetary: null, weight: null },
    { signal: new AbortController().signal, onProgress: () => {} },
  );
}

const met = (t: Timing, targetMs: number) => verdict(t.name, t.medianMs, { below: targetMs });

async function main() {
  const s = summaryOf(100_000);
  const history = { frequency: s.frequency, recency: s.recency, T: s.T };
  const actual = s.holdoutPurchases!;
  const models = await Promise.all(['bgnbd', 'pareto_nbd', 'mbgnbd'].map((kind) => fit(kind, s)));
  const expected = models.map((m) => m.conditionalExpectedPurchases(39, history));
  met(
    await measure('compare 3 models, 100,000 customers (scorecard, frequency table, deciles)', () =>
      models.map((m, i) => {
        const f = { logLikelihood: m.logLikelihood, parameters: m.parameters.length, customers: m.customers };
        return [
          aic(f),
          bic(f),
          holdoutErrors(expected[i], actual),
          holdoutByFrequency(s.frequency, actual, expected[i]),
          errorByDecile(expected[i], actual),
        ];
      }),
    ),
    1000,
  );

  const big = summaryOf(1_000_000);
  const bigHistory = { frequency: big.frequency, recency: big.recency, T: big.T };
  const bg = await fit('bgnbd', big);
  const everyone = { of: new Int32Array(big.frequency.length), count: 1 };
  const options = { level: 0.9, draws: 1000, seed: 1 };
  met(
    await measure(
      'BG/NBD bootstrap, 1,000 draws, 1,000,000 customers: expected purchases + total',
      () => bg.predictionIntervals({ kind: 'expected', t: 39 }, bigHistory, options, everyone),
      3,
    ),
    3000,
  );
  met(
    await measure(
      'BG/NBD bootstrap, 1,000 draws, 1,000,000 customers: P(alive)',
      () => bg.predictionIntervals({ kind: 'p_alive' }, bigHistory, options),
      3,
    ),
    3000,
  );
}

void main();
