// `table top_customers = clv { columns ..., where ..., sort clv desc, limit 20 }`: a view of
// a per-customer table. The output carries the first page; more pages come from
// Kernel.tablePage by name.
import { desc } from 'arquero';
import { MIME, type TableColumn } from '../output-types';
import { PAGE_SIZE, tablePage, tableText } from '../table-payload';
import { customersOf, EvaluationError, type EvalContext, type StatementOutcome } from './context';
import { ConditionError, conditionMask } from './conditions';
import { columnValues, metricFrame } from './frame';
import { sortedFinite } from '../stats';
import { namesOption, numberOption, sortOption, wheres } from './options';
import { metricInfo } from '../../language';

export function evaluateTable(ctx: EvalContext): StatementOutcome {
  const statement = ctx.statement;
  if (statement.kind !== 'Table' || !statement.name || !statement.target)
    throw new EvaluationError('Incomplete table statement.');
  const base = customersOf(ctx.input(statement.target.name));
  if (!base)
    throw new EvaluationError(`"${statement.target.name}" has no per-customer rows to tabulate.`, statement.target);
  const block = statement.block;

  let table = base.table;
  const frame = metricFrame(base);
  let keep: Uint8Array | null = null;
  for (const where of wheres(block)) {
    if (!where.condition) continue;
    try {
      const mask = conditionMask(where.condition, frame);
      keep = keep ? keep.map((k, i) => k & mask[i]) : mask;
    } catch (err) {
      if (err instanceof ConditionError) throw new EvaluationError(err.message, err.range);
      throw err;
    }
  }
  if (keep) table = table.reify(maskIndices(keep));
  const sort = sortOption(block);
  const limit = numberOption(block, 'limit');
  if (sort) {
    const values = columnValues(table, sort.metric);
    if (!values) throw new EvaluationError(`Cannot sort by "${sort.metric}": no such column here.`, block);
    // "The top 20 of a million" needs no full sort: select, then order the few selected.
    if (limit !== undefined && values instanceof Float64Array)
      table = table.reify(topRows(values, limit, sort.descending));
    else table = table.orderby(sort.descending ? desc(sort.metric) : sort.metric).reify();
  }
  if (limit !== undefined) table = table.slice(0, limit).reify();

  const names = namesOption(block, 'columns')?.map((n) => metricInfo(n)?.aliasOf ?? n) ?? [...base.columns.keys()];
  const columns: TableColumn[] = names.map((n) => {
    const column = base.columns.get(n);
    if (!column)
      throw new EvaluationError(`The column "${n}" is not available from "${statement.target!.name}".`, block);
    return column;
  });
  table = table.select(names);
  const title = statement.name.name;
  // `source`: the renderer asks the kernel for the other pages (and other orders) by this name.
  // `sort`: the table's own order, which the renderer marks on its column's header.
  const order = sort && { column: metricInfo(sort.metric)?.aliasOf ?? sort.metric, descending: sort.descending };
  const page = { ...tablePage(table, columns, 0, PAGE_SIZE, title), source: title, ...(order ? { sort: order } : {}) };
  const customers = { ...base, table };
  return {
    value: { kind: 'table', customers, columns, title },
    outputs: [{ data: { 'text/plain': tableText(page), [MIME.table]: page } }],
  };
}

/** Indices of the `limit` largest (or smallest) values in order, ties by position; NaN last. */
export function topRows(values: Float64Array, limit: number, descending: boolean): number[] {
  const sorted = sortedFinite(values);
  const k = Math.min(limit, sorted.length);
  const picked: number[] = [];
  if (k > 0) {
    const threshold = descending ? sorted[sorted.length - k] : sorted[k - 1];
    for (let i = 0; i < values.length; i++)
      if (descending ? values[i] >= threshold : values[i] <= threshold) picked.push(i);
  }
  picked.sort((a, b) => (descending ? values[b] - values[a] : values[a] - values[b]) || a - b);
  for (let i = 0; picked.length < limit && i < values.length; i++) if (Number.isNaN(values[i])) picked.push(i);
  return picked.slice(0, limit);
}

function maskIndices(mask: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
  return out;
}
