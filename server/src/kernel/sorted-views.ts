// Whole-table orders for the renderer's sortable tables. Sorting a large table takes a
// moment and paging through it asks for the same order again and again, so each order of a
// table is kept for as long as the table lives (a WeakMap on the table: a re-run drops them).
import type { ColumnTable } from 'arquero';
import type { TableSort } from './output-types';
import { compareCells } from './table-order';

export class SortedViews {
  private readonly views = new WeakMap<ColumnTable, Map<string, ColumnTable>>();

  get(table: ColumnTable, sort: TableSort): ColumnTable {
    let orders = this.views.get(table);
    if (!orders) this.views.set(table, (orders = new Map<string, ColumnTable>()));
    const key = `${sort.descending ? 'desc' : 'asc'} ${sort.column}`;
    let view = orders.get(key);
    if (!view) orders.set(key, (view = sorted(table, sort)));
    return view;
  }
}

/** The table's rows in the order `sort` asks for; equal values keep their order. */
function sorted(table: ColumnTable, sort: TableSort): ColumnTable {
  const value = table.getter(sort.column);
  const rows = Array.from(table.indices());
  rows.sort((i, j) => compareCells(value(i), value(j), sort.descending) || i - j);
  return table.reify(rows);
}
