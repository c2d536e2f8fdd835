// Column access on per-customer Arquero tables, and a MetricFrame (what conditions read)
// over one. Tables the kernel builds are reified (no pending filter or order), so a column
// is its backing typed array: reading it copies nothing.
import type { ColumnTable } from 'arquero';
import type { CustomerTable } from './context';
import type { MetricFrame } from './conditions';

/** A column as Float64Array (numbers) or string[] (text); undefined when absent. */
export function columnValues(table: ColumnTable, name: string): Float64Array | string[] | undefined {
  const column = table.column(name) as unknown;
  if (!column) return undefined;
  const numeric = column instanceof Float64Array;
  if (table.isFiltered() || table.isOrdered())
    return table.array(name, numeric ? Float64Array : Array) as Float64Array | string[];
  if (numeric || Array.isArray(column)) return column as Float64Array | string[];
  return table.array(name) as string[];
}

export function metricFrame(customers: CustomerTable): MetricFrame {
  const { table } = customers;
  return { rows: table.numRows(), unit: customers.unit, column: (name) => columnValues(table, name) };
}
