// The push-down of fitting and scoring, on a split's summary table (summary.ts): what crosses
// the connection is per distinct x or per distinct (x, t_x, T) pattern, never per customer.
//   - Purchase models fit on the pattern histogram (summary.ts, patternHistogramQuery).
//   - Gamma-Gamma's likelihood needs, per distinct x, Σ ln m̄ once and, at each trial γ of the
//     fit, Σ ln(γ + x m̄) and Σ 1/(γ + x m̄) (models' SpendTerms): the engine sums them.
//   - Scores computed per pattern by the kernel come back as a small table, joined to the
//     customers in the engine on the pattern's exact key (PATTERN_KEY).
import type { SqlDialect } from './dialect';
import { includedCustomers, PATTERN_KEY, patternDays, type SplitQuery } from './summary';

/** The customers Gamma-Gamma fits on: included, with a repeat purchase and a positive mean spend. */
function spenders(d: SqlDialect, summaryTable: string, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  return (
    `FROM ${id(summaryTable)} WHERE ${includedCustomers(d, split)} AND ${id('frequency')} > 0 ` +
    `AND ${id('monetary')} > 0 GROUP BY ${id('frequency')} ORDER BY ${id('frequency')}`
  );
}

/** Per distinct x of the spenders: frequency, customers, ln_mean (Σ ln m̄). */
export function spendStatisticsQuery(d: SqlDialect, summaryTable: string, split: SplitQuery): string {
  const id = (name: string) => d.identifier(name);
  return (
    `SELECT ${id('frequency')}, ${d.double('count(*)')} AS ${id('customers')}, ` +
    `sum(${d.ln(id('monetary'))}) AS ${id('ln_mean')} ${spenders(d, summaryTable, split)}`
  );
}

/**
 * Per distinct x of the spenders, in spendStatisticsQuery's order: frequency, ln (Σ ln(γ + x m̄)),
 * inverse (Σ 1/(γ + x m̄)).
 */
export function spendTermsQuery(d: SqlDialect, summaryTable: string, split: SplitQuery, gamma: number): string {
  const id = (name: string) => d.identifier(name);
  const den = `(${d.number(gamma)} + ${id('frequency')} * ${id('monetary')})`;
  return (
    `SELECT ${id('frequency')}, sum(${d.ln(den)}) AS ${id('ln')}, sum(1 / ${den}) AS ${id('inverse')} ` +
    spenders(d, summaryTable, split)
  );
}

/**
 * Every included customer of the summary table with the scores of their pattern: the summary's
 * `columns` and every column of `scoresTable` but the key (which holds PATTERN_KEY and the
 * scores, one row per pattern), joined in the engine.
 */
export function scoredCustomersQuery(
  d: SqlDialect,
  summaryTable: string,
  scoresTable: string,
  split: SplitQuery,
  columns: readonly string[],
  scores: readonly string[],
): string {
  const id = (name: string) => d.identifier(name);
  const keyed =
    `SELECT ${[...new Set([...columns, PATTERN_KEY[0]])].map(id).join(', ')}, ${patternDays(d, split).join(', ')} ` +
    `FROM ${id(summaryTable)} WHERE ${includedCustomers(d, split)}`;
  return (
    `SELECT ${[...columns, ...scores].map(id).join(', ')} FROM (${keyed}) AS ${id('customers')} ` +
    `${d.join('inner')} ${id(scoresTable)} USING (${PATTERN_KEY.map(id).join(', ')})`
  );
}
