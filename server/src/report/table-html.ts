// A table output (a page of a per-customer table) as an HTML table: numbers right-aligned in
// their column's format, and a note when the page is only part of the table.
import type { TablePayload } from '../kernel/output-types';
import { escapeHtml } from './escape';
import { formatInteger, formatValue, isNumericFormat } from './format';

export function renderTable(table: TablePayload, currency?: string): string {
  const numeric = table.columns.map((c) => isNumericFormat(c.format));
  const head = table.columns
    .map(
      (c, j) => `<th${numeric[j] ? ' class="num"' : ''}>${escapeHtml(c.unit ? `${c.name} (${c.unit})` : c.name)}</th>`,
    )
    .join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((v, j) => `<td${numeric[j] ? ' class="num"' : ''}>${escapeHtml(formatValue(v, table.columns[j].format, currency))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const shown = table.rows.length;
  const note =
    table.totalRows === 0
      ? '<p class="note">No rows.</p>'
      : shown < table.totalRows
        ? `<p class="note">Rows ${formatInteger(table.offset + 1)}–${formatInteger(table.offset + shown)} of ${formatInteger(table.totalRows)}.</p>`
        : '';
  const caption = table.title ? `<caption>${escapeHtml(table.title)}</caption>` : '';
  return `<div class="table-wrap"><table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${note}</div>`;
}
