// `split cal = orders until DATE, holdout until DATE, in UNIT`: the per-customer calibration
// summary (and holdout actuals) that models fit on, built by the models library from the
// transaction log. Shows the periods and every customer left out.
import type { SplitStatement, TimeUnit } from '../../language';
import { EXCLUSION_CODES, type CustomerSummary, type ModelsPort, type SummaryWarning } from '../models-port';
import { isoDate, type LoadedSource, type LoadReport } from '../../data';
import type { ReturnsPolicy } from '../../data/policy';
import { UNIT_DAYS } from '../../models';
import { isoToDays } from '../units';
import { EvaluationError, type EvalContext, type StatementOutcome } from './context';
import { customerTable } from './customers';
import type { WarehouseSource } from '../warehouse/source';
import { warehouseSummary } from '../warehouse/split';
import type { EngineSplit } from '../warehouse/fit';

export interface SplitData {
  unit: TimeUnit;
  /** Days since epoch. */
  calibrationEnd: number;
  holdoutEnd: number | null;
  summary: CustomerSummary;
  /** The source's `returns` policy the summary was built under (a saved fit records it). */
  returns: ReturnsPolicy;
  /** A warehouse source's split: its summary as a table in the engine, where models fit and score. */
  engine?: EngineSplit;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The per-customer table of a split (what a model or value extends). */
export function splitCustomers(split: SplitData) {
  const s = split.summary;
  return customerTable(
    {
      customer: s.customerIds,
      frequency: s.frequency,
      recency: s.recency,
      age: s.T,
      monetary: s.monetary ?? undefined,
      total_spend: s.totalSpend ?? undefined,
      first_purchase: s.firstPurchase,
      last_purchase: s.lastPurchase,
      holdout_purchases: s.holdoutPurchases ?? undefined,
      holdout_spend: s.holdoutSpend ?? undefined,
    },
    split.unit,
    'frequency',
  );
}

/**
 * A model fitted on a transaction source itself (no split): the whole log is calibration, up
 * to its last purchase day, in weeks, with no holdout.
 */
export function wholeLogSplit(source: LoadedSource, models: ModelsPort, ctx: EvalContext): SplitData {
  if (source.kind !== 'transactions') throw new Error('kernel: a transaction source expected');
  const { time, rows } = source.log;
  let last = -Infinity;
  for (let i = 0; i < rows; i++) if (time[i] > last) last = time[i];
  const calibrationEnd = Math.floor(last);
  const unit: TimeUnit = 'weeks';
  const summary = models.summariseTransactions(source.log, {
    calibrationEnd,
    holdoutEnd: null,
    unitDays: UNIT_DAYS[unit],
    returns: source.returns,
    checkpoint: (f) => ctx.checkpoint(f, 'summarising customers'),
  });
  return { unit, calibrationEnd, holdoutEnd: null, summary, returns: source.returns };
}

export async function evaluateSplit(ctx: EvalContext, models: ModelsPort): Promise<StatementOutcome> {
  const statement = ctx.statement as SplitStatement;
  if (!statement.name || !statement.source || !statement.calibrationEnd)
    throw new EvaluationError('Incomplete split statement.');
  const input = ctx.input(statement.source.name);
  const source = input.kind === 'source' ? (input.source as LoadedSource | WarehouseSource) : undefined;
  if (source?.kind !== 'transactions' && source?.kind !== 'warehouse') {
    throw new EvaluationError(
      `Only a transaction source can be split; "${statement.source.name}" is not one.`,
      statement.source,
    );
  }
  const unit = statement.unit?.unit ?? 'weeks';
  const calibrationEnd = isoToDays(statement.calibrationEnd.value);
  const holdoutEnd = statement.holdoutEnd ? isoToDays(statement.holdoutEnd.value) : null;
  const { summary, engine } =
    source.kind === 'warehouse'
      ? await warehouseSummary(ctx, source, statement.name.name, {
          calibrationEnd,
          holdoutEnd,
          unitDays: UNIT_DAYS[unit],
          returns: source.returns,
        })
      : {
          summary: models.summariseTransactions(source.log, {
            calibrationEnd,
            holdoutEnd,
            unitDays: UNIT_DAYS[unit],
            returns: source.returns,
            checkpoint: (f) => ctx.checkpoint(f, 'summarising customers'),
          }),
          engine: undefined,
        };
  const accounting = customerAccounting(source.report, summary);
  if (summary.customerIds.length === 0) {
    const onlyReturns = summary.warnings.find((w) => w.code === 'only-returns')?.count ?? 0;
    throw new EvaluationError(
      onlyReturns > 0 &&
        onlyReturns === (source.kind === 'transactions' ? source.log.customerIds.length : source.report.customers)
        ? `Every amount in "${statement.source.name}" is negative (returns): with \`returns ${source.returns}\` no customer has a purchase to summarise. If purchases are written as negative numbers, flip their sign; to count returns as purchases, write \`returns keep\` in the source.`
        : `No customer made a first purchase by ${statement.calibrationEnd.value}: the calibration period is empty.\n${accounting.join('\n')}`,
      statement.calibrationEnd,
    );
  }
  const split: SplitData = { unit, calibrationEnd, holdoutEnd, summary, returns: source.returns, engine };
  const start = summary.firstPurchase.reduce((m, d) => Math.min(m, d), Infinity);
  const length = (from: number, to: number) => `${((to - from) / UNIT_DAYS[unit]).toFixed(1)} ${unit}`;
  const lines = [
    `${statement.name.name}: calibration ${isoDate(start)} to ${statement.calibrationEnd.value} (${length(start, calibrationEnd)})` +
      (holdoutEnd === null
        ? ', no holdout.'
        : `, holdout to ${statement.holdoutEnd!.value} (${length(calibrationEnd, holdoutEnd)}).`),
    ...accounting,
  ];
  return { value: { kind: 'split', split }, outputs: [{ data: { 'text/plain': lines.join('\n') } }] };
}

const EXCLUSION_WORDS: Partial<Record<SummaryWarning['code'], string>> = {
  'first-purchase-after-calibration': 'first purchase after the calibration end',
  'only-after-end': 'purchases only after the end of the holdout (or calibration)',
  'only-returns': 'only returns (negative amounts)',
  'no-valid-amount': 'no valid amount',
  'no-valid-date': 'no valid date',
};

/**
 * Every customer read, accounted for: in calibration, or excluded with a reason and a count
 * per reason (at the split, or earlier, when the source rejected or filtered all their rows),
 * adding up to the customers read; then the summary's other warnings (returns, zero amounts,
 * duplicates, rows after the end).
 */
export function customerAccounting(
  report: Pick<LoadReport, 'customersRead' | 'customersRejected' | 'customersFiltered'>,
  summary: CustomerSummary,
): string[] {
  const excluded: [number, string][] = [
    ...summary.warnings
      .filter((w) => EXCLUSION_CODES.includes(w.code))
      .map((w): [number, string] => [w.count, EXCLUSION_WORDS[w.code]!]),
    ...report.customersRejected.map((g): [number, string] => [g.count, `every row rejected when read: ${g.reason}`]),
    ...(report.customersFiltered
      ? [[report.customersFiltered, 'every row filtered out by where'] as [number, string]]
      : []),
  ];
  const notes = summary.warnings.filter((w) => !EXCLUSION_CODES.includes(w.code)).map((w) => w.message);
  return accountingLines(report.customersRead, summary.customerIds.length, excluded, notes);
}

/** Customers read = in calibration + every excluded group (a group per reason), then the notes. */
function accountingLines(read: number, included: number, excluded: [number, string][], notes: string[]): string[] {
  const total = excluded.reduce((sum, [count]) => sum + count, 0);
  const lines = [
    `${n(Math.max(read, included + total))} customers read: ${n(included)} in calibration, ${n(total)} excluded${total ? ':' : '.'}`,
    ...excluded.map(([count, why]) => `  ${n(count)} × ${why}`),
  ];
  if (notes.length) lines.push('Notes:', ...notes.map((message) => `  ${message}.`));
  return lines;
}
