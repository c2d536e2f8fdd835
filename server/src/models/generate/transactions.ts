// Synthetic transaction logs from the BG/NBD or Pareto/NBD purchase story plus Gamma-Gamma spend,
// seeded so tests and benchmarks are reproducible. Model parameters are in WEEKS (the unit of the
// published CDNOW fits); times in the log are days since epoch.
//  BG/NBD (Fader, Hardie & Lee 2005): λ ~ Gamma(r, α), p ~ Beta(a, b); purchases arrive at rate λ;
//    the customer drops out with probability p right after each REPEAT purchase (the likelihood's
//    (1-p)^x and p(1-p)^(x-1) terms: never right after the first purchase).
//  Pareto/NBD: λ ~ Gamma(r, α), lifetime ~ Exp(μ), μ ~ Gamma(s, β).
//  Spend: ν ~ Gamma(q, γ) per customer, each transaction ~ Gamma(p, ν) (Fader & Hardie note 025).
import type { TransactionLog } from '../../data/types';
import { beta, exponential, gamma, seededRandom } from './random';

export interface GenerateOptions {
  customers: number;
  seed: number;
  model:
    | { kind: 'bgnbd'; r: number; alpha: number; a: number; b: number }
    | { kind: 'pareto_nbd'; r: number; alpha: number; s: number; beta: number };
  /** Gamma-Gamma spend parameters; no amounts when omitted. */
  spend?: { p: number; q: number; gamma: number };
  /** First day of the cohort (days since epoch) and the window over which first purchases fall. */
  startDay: number;
  acquisitionDays: number;
  /** Last day observed (inclusive). */
  endDay: number;
}

export function generateTransactions(o: GenerateOptions): TransactionLog {
  const rand = seededRandom(o.seed);
  const customer: number[] = [],
    time: number[] = [],
    amount: number[] = [];
  for (let c = 0; c < o.customers; c++) {
    // Whole days, like real logs: the summary merges same-day purchases.
    const birth = o.startDay + Math.floor(rand() * o.acquisitionDays);
    const lambda = gamma(rand, o.model.r, o.model.alpha) / 7; // per day
    let deathDay = Infinity,
      dropProbability = 0;
    if (o.model.kind === 'pareto_nbd') deathDay = birth + exponential(rand, gamma(rand, o.model.s, o.model.beta) / 7);
    else dropProbability = beta(rand, o.model.a, o.model.b);
    const scale = o.spend ? gamma(rand, o.spend.q, o.spend.gamma) : 0;
    let t = birth;
    for (;;) {
      customer.push(c);
      time.push(Math.floor(t));
      amount.push(o.spend ? gamma(rand, o.spend.p, scale) : 0);
      if (t > birth && rand() < dropProbability) break;
      t += exponential(rand, lambda);
      if (t >= deathDay || t >= o.endDay + 1) break;
    }
  }
  return {
    customerIds: Array.from({ length: o.customers }, (_, c) => `C${c}`),
    customer: Int32Array.from(customer),
    time: Float64Array.from(time),
    amount: o.spend ? Float64Array.from(amount) : null,
    rows: customer.length,
  };
}

/** CSV text `customer_id,date,amount` (ISO dates) for benchmarks of the data layer. */
export function transactionsToCsv(log: TransactionLog): string {
  const lines = ['customer_id,date,amount'];
  for (let i = 0; i < log.rows; i++) {
    const date = new Date(log.time[i] * 86400000).toISOString().slice(0, 10);
    lines.push(`${log.customerIds[log.customer[i]]},${date},${log.amount ? log.amount[i].toFixed(2) : ''}`);
  }
  return lines.join('\n') + '\n';
}
