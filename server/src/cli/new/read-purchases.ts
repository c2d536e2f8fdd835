// Reads the user's whole transaction file through the data layer's loader (the kernel's reader),
// with the columns and date format the new notebook's source will declare, for what `clvnb new`
// says about the data: purchases, customers, repeat buyers, the date range the split dates are
// chosen from, and rows that cannot be read.
import { DataError, loadSource, type RoleMapping } from '../../data';
import { InputError } from '../errors';

export interface PurchaseFacts {
  purchases: number;
  customers: number;
  repeatCustomers: number;
  rejectedRows: number;
  firstDay: number;
  lastDay: number;
}

export interface PurchaseColumns {
  /** Absolute path. */
  path: string;
  format: string;
  /** Names for the file's columns in order, when the source renames the header's (sourceColumnNames). */
  columns?: string[];
  customer: string;
  date: string;
  dateFormat?: string;
  amount?: string;
}

/** Customers with purchases on more than one day. */
function repeatBuyers(customer: Int32Array, time: Float64Array, customers: number): number {
  const firstDay = new Float64Array(customers).fill(NaN);
  const repeat = new Uint8Array(customers);
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    const day = Math.floor(time[i]);
    if (Number.isNaN(firstDay[c])) firstDay[c] = day;
    else if (firstDay[c] !== day) repeat[c] = 1;
  }
  return repeat.reduce((n, r) => n + r, 0);
}

export async function readPurchases(c: PurchaseColumns, file: string): Promise<PurchaseFacts> {
  const mappings: RoleMapping[] = [
    { role: 'customer', columns: [c.customer] },
    { role: 'date', columns: [c.date], format: c.dateFormat },
  ];
  if (c.amount) mappings.push({ role: 'amount', columns: [c.amount] });
  let loaded;
  try {
    loaded = await loadSource({
      path: c.path,
      format: c.format,
      kind: 'transactions',
      header: true,
      columns: c.columns,
      mappings,
    });
  } catch (error) {
    if (error instanceof DataError) throw new InputError(`cannot read the purchases: ${error.message}`, file);
    throw error;
  }
  if (loaded.kind !== 'transactions') throw new Error('a transactions source loaded as another kind');
  const { report, log } = loaded;
  const rejectedRows = report.rejected.reduce((n, g) => n + g.count, 0);
  if (report.rows === 0) {
    const why = report.rejected[0] ? `; the first problem: ${report.rejected[0].reason}` : '';
    throw new InputError(`no readable purchases in ${report.rowsRead} rows${why}`, file);
  }
  return {
    purchases: report.rows,
    customers: report.customers,
    repeatCustomers: repeatBuyers(log.customer, log.time, log.customerIds.length),
    rejectedRows,
    firstDay: report.minDate,
    lastDay: report.maxDate,
  };
}
