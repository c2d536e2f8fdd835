// Per-customer tables: formatted by column type, sortable by clicking a header (again to
// reverse), and paged so a large table never floods the notebook.
import type { TablePayload } from '../../server/src/kernel/output-types';
import { formatValue, isNumericFormat } from '../../server/src/report/format';
import { el } from './dom';

export const PAGE_SIZE = 25;
type Value = string | number | boolean | null;

function compare(a: Value, b: Value): number {
  // Missing values sort last in either direction of a numeric or text order.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function drawTable(table: TablePayload, element: HTMLElement): void {
  const numeric = table.columns.map((c) => isNumericFormat(c.format));
  const cls = (i: number) => (numeric[i] ? 'num' : undefined);
  let rows = table.rows;
  let sort: { column: number; descending: boolean } | null = null;
  let page = 0;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));

  const headers = table.columns.map((c, i) => {
    const th = el('th', { class: ['sortable', cls(i)].filter(Boolean).join(' '), title: `Sort by ${c.name}` }, c.unit ? `${c.name} (${c.unit})` : c.name);
    th.addEventListener('click', () => {
      const descending = sort?.column === i ? !sort.descending : numeric[i];
      sort = { column: i, descending };
      rows = [...table.rows].sort((a, b) => (descending ? -1 : 1) * compare(a[i], b[i]));
      page = 0;
      render();
    });
    return th;
  });
  const tbody = el('tbody');
  const status = el('span', { class: 'muted' });
  const prev = el('button', { title: 'Previous page' }, '‹ Prev');
  const next = el('button', { title: 'Next page' }, 'Next ›');
  prev.addEventListener('click', () => ((page = Math.max(0, page - 1)), render()));
  next.addEventListener('click', () => ((page = Math.min(pages - 1, page + 1)), render()));

  function render() {
    headers.forEach((th, i) => th.setAttribute('aria-sort', sort?.column === i ? (sort.descending ? 'descending' : 'ascending') : 'none'));
    const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    tbody.replaceChildren(...shown.map((row) => el('tr', {}, ...row.map((v, i) => el('td', { class: cls(i) }, formatValue(v, table.columns[i].format))))));
    const first = page * PAGE_SIZE;
    const more = table.totalRows > table.rows.length ? ` (${table.totalRows.toLocaleString('en-US')} in all; export the table for the rest)` : '';
    status.textContent = `rows ${first + 1}–${first + shown.length} of ${rows.length.toLocaleString('en-US')}${more}`;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  render();
  // Wrapped in el(), which skips the parts this output does not have.
  element.append(
    el(
      'div',
      {},
    table.title ? el('h3', {}, table.title) : null,
    el('table', {}, el('thead', {}, el('tr', {}, ...headers)), tbody),
    el('div', { class: 'pager' }, pages > 1 ? prev : null, status, pages > 1 ? next : null),
    ),
  );
}
