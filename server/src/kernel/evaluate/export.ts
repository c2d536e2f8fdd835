// `export tiers to "out/tiers.csv"`: one row per customer (id, metrics, segment) written
// atomically inside the notebook's folder tree, never onto a file the notebook reads
// (files/write-policy.ts has the rules).
import type { ExportResult } from '../api';
import type { ColumnFormat } from '../output-types';
import { writeTableAtomic } from '../export';
import { exportPath, refuseReadFiles, WriteRefused } from '../../files/write-policy';
import { optionInfo } from '../../language';
import { isoDate } from '../../data';
import { booleanOption } from './options';
import { customersOf, EvaluationError, type CustomerTable, type EvalContext, type StatementOutcome } from './context';

/**
 * Decimals a number is written with, by display format: money to the cent, probabilities and
 * shares to 6 decimals, other measures (durations, expected purchases) to 4; counts as they
 * are. Enough for any analysis, and no binary float noise (22.345000000000006) in a file.
 */
export const EXPORT_DECIMALS: Partial<Record<ColumnFormat, number>> = {
  money: 2,
  probability: 6,
  percent: 6,
  number: 4,
};

/**
 * A number at its export precision (what `export` statements and the editor's export write):
 * exactly `Number(value.toFixed(decimals))`, which costs a microsecond a number, ten times what
 * the arithmetic below does. `Math.round(value * 10^d) / 10^d` is the same double whenever the
 * scaled value is well away from a tie (the product's rounding error, below 1e-7 under 1e9,
 * cannot then change the integer, and dividing it by an exact power of ten rounds once, as
 * parsing toFixed's decimal does); ties and huge magnitudes are left to toFixed.
 */
export function exportNumber(value: number, format: ColumnFormat): number {
  const decimals = EXPORT_DECIMALS[format];
  if (decimals === undefined) return value;
  if (value === 0) return 0; // toFixed writes -0 as "0"
  const scale = POWERS_OF_TEN[decimals];
  const scaled = value * scale;
  const whole = Math.round(scaled);
  return Math.abs(scaled) < 1e9 && Math.abs(scaled - whole) < 0.4999 ? whole / scale : Number(value.toFixed(decimals));
}

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** Whether text cells of a CSV or TSV export are guarded against formulas when the statement does not say. */
const SPREADSHEET_SAFE_BY_DEFAULT = optionInfo('export', 'spreadsheet_safe')!.default === 'true';

/** Writes a per-customer table to `path` (already allowed); date columns (days since epoch) as ISO dates. */
export function exportSegments(
  customers: CustomerTable,
  path: string,
  spreadsheetSafe = SPREADSHEET_SAFE_BY_DEFAULT,
): ExportResult {
  const format: Record<string, (v: unknown) => unknown> = {};
  // Customers share few distinct days: each day is formatted once.
  const days = new Map<number, string>();
  const dayText = (day: number) => days.get(day) ?? days.set(day, isoDate(day)).get(day)!;
  for (const [name, column] of customers.columns) {
    if (column.format === 'date') format[name] = (v) => (typeof v === 'number' && Number.isFinite(v) ? dayText(v) : '');
    // Undefined metrics (e.g. monetary with no repeat purchase) are empty cells, not "NaN".
    else if (column.format !== 'string')
      format[name] = (v) => (typeof v !== 'number' ? v : Number.isFinite(v) ? exportNumber(v, column.format) : '');
  }
  const rows = writeTableAtomic(customers.table, path, format, spreadsheetSafe);
  return { path, rows };
}

export function evaluateExport(ctx: EvalContext): StatementOutcome {
  const statement = ctx.statement;
  if (statement.kind !== 'Export' || !statement.target || !statement.path)
    throw new EvaluationError('Incomplete export statement.');
  const customers = customersOf(ctx.input(statement.target.name));
  if (!customers) {
    throw new EvaluationError(
      `"${statement.target.name}" has no per-customer rows to export; export a value, segments or table.`,
      statement.target,
    );
  }
  try {
    const path = exportPath(ctx.notebookDir, statement.path.value);
    refuseReadFiles(path, ctx.readFiles(), statement.path.value);
    const result = exportSegments(customers, path, booleanOption(statement.block, 'spreadsheet_safe'));
    const text = `Wrote ${result.rows.toLocaleString('en-US')} customers to ${result.path}`;
    return { value: { kind: 'none' }, outputs: [{ data: { 'text/plain': text } }] };
  } catch (err) {
    if (err instanceof WriteRefused) throw new EvaluationError(err.message, statement.path);
    throw new EvaluationError(`Could not write "${statement.path.value}": ${(err as Error).message}`, statement.path);
  }
}
