// The per-customer table: the calibration summary (frequency, recency, age, spend, dates,
// holdout actuals) joined column-wise with whatever predictions are upstream (p_alive,
// expected purchases and spend, clv). Columns are typed arrays handed to Arquero as they
// are, so a million customers cost no per-row objects.
import * as aq from 'arquero';
import type { TimeUnit } from '../../language';
import type { TableColumn } from '../output-types';
import type { CustomerTable } from './context';

/** Display format of each metric (and the unit of durations), as the renderer shows it. */
function columnInfo(name: string, unit: TimeUnit): TableColumn {
  switch (name) {
    case 'customer':
    case 'segment':
      return { name, format: 'string' };
    case 'frequency':
    case 'holdout_purchases':
      return { name, format: 'integer' };
    case 'recency':
    case 'age':
      return { name, format: 'number', unit };
    case 'monetary':
    case 'total_spend':
    case 'expected_spend':
    case 'clv':
    case 'holdout_spend':
      return { name, format: 'money' };
    case 'first_purchase':
    case 'last_purchase':
      return { name, format: 'date' };
    case 'p_alive':
    case 'p_alive_at_horizon':
    case 'p_no_purchase':
      return { name, format: 'probability' };
    default:
      return { name, format: 'number' };
  }
}

/** Builds a CustomerTable from named columns (all of one length); undefined columns are left out. */
export function customerTable(
  columns: Record<string, Float64Array | string[] | undefined>,
  unit: TimeUnit,
  valueMetric: string,
): CustomerTable {
  const present = Object.entries(columns).filter((e): e is [string, Float64Array | string[]] => e[1] !== undefined);
  return {
    table: aq.table(Object.fromEntries(present)),
    columns: new Map(present.map(([name]) => [name, columnInfo(name, unit)])),
    unit,
    valueMetric,
  };
}

/** The same table with more (or replaced) columns. */
export function withColumns(
  base: CustomerTable,
  columns: Record<string, Float64Array | undefined>,
  valueMetric = base.valueMetric,
): CustomerTable {
  const present = Object.entries(columns).filter((e): e is [string, Float64Array] => e[1] !== undefined);
  const next = new Map(base.columns);
  for (const [name] of present) next.set(name, columnInfo(name, base.unit));
  return { table: base.table.assign(Object.fromEntries(present)), columns: next, unit: base.unit, valueMetric };
}
