// How numbers look in the report: grouped thousands, money to the cent, shares as
// percentages. The report is read by people, not parsed, so it favours readability over
// round-tripping (the --json results keep the raw numbers).
import type { ColumnFormat, ModelParameter, ModelPayload, SegmentSummary } from '../kernel/output-types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const fourSignificant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** Money with the currency's symbol when one is configured, else plain with two decimals. */
export function formatMoney(value: number, currency?: string): string {
  if (!currency) return twoDecimals.format(value);
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);
}

/** A general number: whole units once it is large, four significant digits when small. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 1000 ? integer.format(value) : fourSignificant.format(value);
}

/** Grouped, with exactly `digits` decimals (log-likelihoods, fitted figures). */
export function formatDecimal(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** A share in 0..1 as a percentage. */
export function formatShare(value: number): string {
  return percent.format(value);
}

/** One table cell's value as text, by the column's declared format. Null (missing) is empty. */
export function formatValue(value: string | number | boolean | null, format: ColumnFormat, currency?: string): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'integer':
      return formatInteger(value);
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return formatShare(value);
    case 'probability':
      return value.toFixed(3);
    default:
      return formatNumber(value);
  }
}

/** Columns whose values line up on the right (numbers), as opposed to text and dates. */
export function isNumericFormat(format: ColumnFormat): boolean {
  return format !== 'string' && format !== 'date' && format !== 'boolean';
}

/** A parameter's confidence interval as `[low, high]`, or a dash when the fit has none. */
export function interval(p: ModelParameter): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));
  return p.low == null || p.high == null ? '—' : `[${f(p.low)}, ${f(p.high)}]`;
}

export function intervalHeader(model: ModelPayload): string {
  return `${Math.round((model.intervalLevel ?? 0.9) * 100)}% interval`;
}

/** A segment value's bootstrap interval, ` [low – high]`, or nothing when it has none. */
export function valueInterval(s: SegmentSummary, currency?: string): string {
  return s.valueLow === undefined || s.valueHigh === undefined
    ? ''
    : ` [${formatMoney(s.valueLow, currency)} – ${formatMoney(s.valueHigh, currency)}]`;
}

/**
 * What a model's output says about its saved-fit file (text, editor and report alike): where
 * its frozen parameters came from and what they were fitted on, or where its fit was saved.
 */
export function frozenSentence(model: ModelPayload): string | undefined {
  const f = model.frozen;
  if (!f) return undefined;
  if (f.role === 'written') return `Fit saved to "${f.file}" (score other data with it: \`frozen "${f.file}"\`).`;
  const on = f.fittedOn!;
  const period =
    on.calibrationStart && on.calibrationEnd ? `, calibration ${on.calibrationStart} to ${on.calibrationEnd}` : '';
  const returns = on.returns ? `, returns ${on.returns}` : '';
  return (
    `Frozen parameters from "${f.file}", not fitted here: fitted on ${formatInteger(f.fittedCustomers ?? 0)} customers` +
    ` (time in ${on.unit}${period}${returns}; data ${on.fingerprint.slice(0, 12)}), log-likelihood there ${formatDecimal(f.fittedLogLikelihood ?? NaN)}.` +
    ` The log-likelihood above is of the ${formatInteger(model.customers)} customers scored here.`
  );
}
