// `export tiers to "out/tiers.csv"`: one row per customer (id, metrics, segment) written
// atomically inside the notebook's folder tree, never onto a file the notebook reads
// (files/write-policy.ts has the rules).
import type { ExportResult } from '../api';
import { writeTableAtomic } from '../export';
import { exportPath, refuseReadFiles, WriteRefused } from '../../files/write-policy';
import { isoDate } from '../table-payload';
import { customersOf, EvaluationError, type CustomerTable, type EvalContext, type StatementOutcome } from './context';

/** Writes a per-customer table to `path` (already allowed); date columns (days since epoch) as ISO dates. */
export function exportSegments(customers: CustomerTable, path: string): ExportResult {
  const format: Record<string, (v: unknown) => unknown> = {};
  // Customers share few distinct days: each day is formatted once.
  const days = new Map<number, string>();
  const dayText = (day: number) => days.get(day) ?? days.set(day, isoDate(day)).get(day)!;
  for (const [name, column] of customers.columns) {
    if (column.format === 'date') format[name] = (v) => (typeof v === 'number' && Number.isFinite(v) ? dayText(v) : '');
    // Undefined metrics (e.g. monetary with no repeat purchase) are empty cells, not "NaN".
    else if (column.format !== 'string') format[name] = (v) => (typeof v === 'number' && !Number.isFinite(v) ? '' : v);
  }
  const rows = writeTableAtomic(customers.table, path, format);
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
    const result = exportSegments(customers, path);
    const text = `Wrote ${result.rows.toLocaleString('en-US')} customers to ${result.path}`;
    return { value: { kind: 'none' }, outputs: [{ data: { 'text/plain': text } }] };
  } catch (err) {
    if (err instanceof WriteRefused) throw new EvaluationError(err.message, statement.path);
    throw new EvaluationError(`Could not write "${statement.path.value}": ${(err as Error).message}`, statement.path);
  }
}
