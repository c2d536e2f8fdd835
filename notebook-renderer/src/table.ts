// Per-customer tables: formatted by column type, sortable by clicking a header (again to
// reverse), and paged so a large table never floods the notebook. A table whose output holds
// only its first rows pages and sorts through the kernel when the editor offers messaging
// (table-pages.ts): every row can be reached and a sort orders the whole table, not just the
// rows at hand. Otherwise it pages and sorts the rows it holds and says how many there are.
import type { TablePayload, TableSort } from '../../server/src/kernel/output-types';
import { compareCells } from '../../server/src/kernel/table-order';
import { formatValue, isNumericFormat } from '../../server/src/report/format';
import { el } from './dom';
import type { PageSource } from './table-pages';

export const PAGE_SIZE = 25;
type Row = TablePayload['rows'][number];

export function drawTable(table: TablePayload, element: HTMLElement, fetchPage?: PageSource): void {
  const numeric = table.columns.map((c) => isNumericFormat(c.format));
  const cls = (i: number) => (numeric[i] ? 'num' : undefined);
  const source = fetchPage && table.source && table.totalRows > table.rows.length ? table.source : undefined;
  const total = source ? table.totalRows : table.rows.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  let sort: TableSort | null = null;
  let page = 0;
  // Local: every row, in the current order. Through the kernel: the pages fetched so far in
  // the current order (the output's own rows are the first pages of the table's own order).
  let rows = table.rows;
  const fetched = new Map<number, Row[]>();
  const resetFetched = () => {
    fetched.clear();
    if (sort) return;
    // The output's rows are the table's first rows: every page they fill completely is known.
    for (let p = 0; (p + 1) * PAGE_SIZE <= table.rows.length; p++)
      fetched.set(p, table.rows.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE));
  };
  resetFetched();
  let asked = 0; // the latest request: an answer to an older one is dropped

  // The order shown: a clicked header's, else the table's own (`sort clv desc`), marked with an arrow.
  const shownOrder = () => sort ?? table.sort ?? null;
  const arrows = table.columns.map(() => {
    const arrow = el('span', { class: 'sort-arrow' });
    arrow.setAttribute('aria-hidden', 'true'); // aria-sort says it to screen readers
    return arrow;
  });
  const headers = table.columns.map((c, i) => {
    const th = el(
      'th',
      { class: ['sortable', cls(i)].filter(Boolean).join(' '), title: `Sort by ${c.name}` },
      c.unit ? `${c.name} (${c.unit})` : c.name,
      arrows[i],
    );
    th.addEventListener('click', () => {
      const current = shownOrder();
      const descending = current?.column === c.name ? !current.descending : numeric[i];
      sort = { column: c.name, descending };
      if (!source) rows = [...table.rows].sort((a, b) => compareCells(a[i], b[i], descending));
      resetFetched();
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

  const draw = (shown: Row[]) => {
    tbody.replaceChildren(
      ...shown.map((row) =>
        el('tr', {}, ...row.map((v, i) => el('td', { class: cls(i) }, formatValue(v, table.columns[i].format)))),
      ),
    );
    const first = page * PAGE_SIZE;
    const more =
      !source && table.totalRows > table.rows.length
        ? ` (${table.totalRows.toLocaleString('en-US')} in all; export the table for the rest)`
        : '';
    status.textContent =
      total === 0 ? 'No rows.' : `rows ${first + 1}–${first + shown.length} of ${total.toLocaleString('en-US')}${more}`;
  };

  function render() {
    const order = shownOrder();
    headers.forEach((th, i) => {
      const sorted = order?.column === table.columns[i].name;
      th.setAttribute('aria-sort', sorted ? (order.descending ? 'descending' : 'ascending') : 'none');
      arrows[i].textContent = sorted ? (order.descending ? ' ▼' : ' ▲') : '';
    });
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    if (!source) return draw(rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
    const have = fetched.get(page);
    if (have) return draw(have);
    const request = ++asked;
    const wanted = page;
    status.textContent = `loading rows ${(wanted * PAGE_SIZE + 1).toLocaleString('en-US')}–${Math.min(total, (wanted + 1) * PAGE_SIZE).toLocaleString('en-US')}…`;
    fetchPage!({ source, offset: wanted * PAGE_SIZE, limit: PAGE_SIZE, ...(sort ? { sort } : {}) }).then(
      (answer) => {
        fetched.set(wanted, answer.rows);
        if (request === asked) draw(answer.rows);
      },
      (error: Error) => {
        if (request === asked) status.textContent = `Could not load these rows: ${error.message.replace(/\.$/, '')}.`;
      },
    );
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
