// Turning an Arquero table into what the renderer shows: a TablePayload page (typed
// columns, rows as arrays, dates as ISO strings) and a plain-text fallback for the CLI,
// logs and any front end that cannot draw the table.
import type { ColumnTable } from 'arquero';
import { isoDate } from '../data';
import type { ColumnFormat, TableColumn, TablePayload } from './output-types';

/** First page size sent with a table output; later pages are fetched on demand. */
export const PAGE_SIZE = 50;

function cellValue(value: unknown, format: ColumnFormat): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return format === 'date' ? isoDate(value) : value;
  }
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a column value: Date or bigint here
  return String(value);
}

/** Rows [offset, offset + limit) of `table` in the columns given (in that order). */
export function tablePage(
  table: ColumnTable,
  columns: TableColumn[],
  offset: number,
  limit: number,
  title?: string,
): TablePayload {
  const total = table.numRows();
  const start = Math.max(0, Math.min(offset, total));
  const end = Math.min(total, start + Math.max(0, limit));
  const getters = columns.map((c) => table.getter(c.name));
  const indices = table.indices();
  const rows: TablePayload['rows'] = [];
  for (let r = start; r < end; r++) {
    const row = indices[r];
    rows.push(columns.map((c, j) => cellValue(getters[j](row), c.format)));
  }
  return { ...(title ? { title } : {}), columns, rows, totalRows: total, offset: start };
}

function formatCell(value: string | number | boolean | null, format: ColumnFormat): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'integer':
      return Math.round(value).toLocaleString('en-US');
    case 'money':
      return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'probability':
      return value.toFixed(3);
    default:
      // Whole units once large (an AIC of 19,172, not 1.917e+4), four significant digits when small.
      if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
      return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  }
}

/** A fixed-width text rendering of a page (numbers right-aligned), plus a "n of N rows" line. */
export function tableText(page: TablePayload): string {
  const header = page.columns.map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name));
  const body = page.rows.map((row) => row.map((v, j) => formatCell(v, page.columns[j].format)));
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => r[j].length)));
  const numeric = page.columns.map((c) => !['string', 'date', 'boolean'].includes(c.format));
  const line = (cells: string[]) =>
    cells
      .map((s, j) => (numeric[j] ? s.padStart(widths[j]) : s.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...body.map(line)];
  const shown = page.rows.length;
  if (page.totalRows === 0) lines.push('(no rows)');
  else if (shown < page.totalRows) {
    lines.push(`(rows ${page.offset + 1}–${page.offset + shown} of ${page.totalRows.toLocaleString('en-US')})`);
  }
  return (page.title ? page.title + '\n' : '') + lines.join('\n');
}
