// How a metric appears in a chart: its name for people ("CLV", "number of repeat purchases",
// from the metrics catalog), its unit, the number format of its axis and tooltip (from the
// column's display format, the one the tables use), whole-number ticks for counts and a fixed
// 0–1 scale for probabilities, so a colour or an axis never fits itself to a narrow range.
import { metricInfo } from '../../language';
import type { ColumnFormat, TableColumn } from '../output-types';

/** A metric as a chart shows it. */
export interface Measure {
  /** The field of the chart's data that holds it. */
  field: string;
  label: string;
  format: ColumnFormat;
  unit?: string;
}

/** d3-format specifiers (Vega-Lite's `format`) per display format. */
const D3_FORMAT: Record<ColumnFormat, string> = {
  integer: ',d',
  number: ',.2f',
  money: ',.2f',
  percent: '.1%',
  probability: '.3f',
  date: '',
  string: '',
  boolean: '',
};

/** The people's name of a metric (its catalog label; the name itself when it has none). */
export function metricLabel(metric: string): string {
  return metricInfo(metric)?.label ?? metric;
}

/** A metric of a per-customer table, as field `field` of a chart. */
export function measureOf(field: string, metric: string, column: TableColumn | undefined): Measure {
  return { field, label: metricLabel(metric), format: column?.format ?? 'number', unit: column?.unit };
}

/** "recency (weeks)". */
export function withUnit(label: string, unit?: string): string {
  return unit ? `${label} (${unit})` : label;
}

/**
 * A quantitative position (`axis`) or colour (`legend`) channel: title with unit, number
 * format, whole-number ticks for counts, a fixed 0–1 scale for probabilities.
 */
export function channel(
  m: Measure,
  extra: Record<string, unknown> = {},
  guide: 'axis' | 'legend' = 'axis',
): Record<string, unknown> {
  const axis: Record<string, unknown> = {};
  if (D3_FORMAT[m.format]) axis.format = D3_FORMAT[m.format];
  if (m.format === 'integer') axis.tickMinStep = 1;
  const encoding: Record<string, unknown> = { field: m.field, type: 'quantitative', title: withUnit(m.label, m.unit) };
  if (Object.keys(axis).length) encoding[guide] = axis;
  const scale = { ...(m.format === 'probability' ? { domain: [0, 1] } : {}), ...(extra.scale as object) };
  return { ...encoding, ...extra, ...(Object.keys(scale).length ? { scale } : {}) };
}

/** The tooltip entry of a measure: its label with unit, formatted as its axis. */
export function tooltip(m: Measure): Record<string, unknown> {
  const entry: Record<string, unknown> = { field: m.field, type: 'quantitative', title: withUnit(m.label, m.unit) };
  if (D3_FORMAT[m.format]) entry.format = D3_FORMAT[m.format];
  return entry;
}

/** A count of customers (bars of a histogram, bins of a line). */
export const customersMeasure = (field = 'customers'): Measure => ({ field, label: 'customers', format: 'integer' });

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A chart's title for people, from what it shows; names the definition it is drawn of unless the
 * metric already does.
 */
export function chartTitle(text: string, target: string, metric?: string): string {
  return capital(target === metric ? text : `${text} (${target})`);
}
