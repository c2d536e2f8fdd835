// From a source's role mappings to the columns to read, and from the read columns back to
// what the models take: a TransactionLog, summary columns or cohort survivor counts.
import { DataError } from './errors';
import { DEFAULT_RETURNS_POLICY, PLAUSIBLE_DATES } from './policy';
import type {
  ColumnRequest,
  ColumnValues,
  LoadedSource,
  LoadReport,
  RoleMapping,
  SourceSpec,
  TransactionLog,
} from './types';

function mapping(spec: SourceSpec, role: string): RoleMapping | undefined {
  return spec.mappings.find((m) => m.role === role || (role === 'age' && m.role === 'T'));
}

const column = (spec: SourceSpec, role: string) => mapping(spec, role)?.columns[0];

const REQUIRED: Record<SourceSpec['kind'], string[]> = {
  transactions: ['customer', 'date'],
  summary: ['frequency', 'recency', 'age'],
  cohorts: ['period', 'survivors'],
};

/** The columns to read, and how, for the source's kind (roles first, then filter columns). */
export function roleRequests(spec: SourceSpec): ColumnRequest[] {
  const missing = REQUIRED[spec.kind].filter((role) => !column(spec, role));
  if (missing.length)
    throw new DataError(`A ${spec.kind} source needs ${missing.map((r) => `\`${r} = column\``).join(' and ')}.`);
  const requests: ColumnRequest[] = [];
  const add = (name: string | undefined, kind: ColumnRequest['kind'], dateFormat?: string) => {
    const existing = requests.find((r) => r.name === name);
    if (name && !existing) requests.push({ name, kind, dateFormat });
  };
  if (spec.kind === 'transactions') {
    add(column(spec, 'customer'), 'id');
    add(column(spec, 'date'), 'date', mapping(spec, 'date')?.format);
    // Only the transaction date is held to the plausible range; filter columns read as written.
    const date = requests.find((r) => r.name === column(spec, 'date'));
    if (date)
      date.plausible = {
        earliest: spec.plausibleDates?.earliest ?? PLAUSIBLE_DATES.earliest,
        latest: spec.plausibleDates?.latest ?? PLAUSIBLE_DATES.latest,
      };
    add(column(spec, 'amount'), 'number');
  } else if (spec.kind === 'summary') {
    add(column(spec, 'customer'), 'id');
    for (const role of ['frequency', 'recency', 'age', 'monetary', 'weight']) add(column(spec, role), 'number');
  } else {
    add(column(spec, 'period'), 'number');
    for (const name of mapping(spec, 'survivors')?.columns ?? []) add(name, 'number');
  }
  for (const r of spec.filterColumns ?? []) add(r.name, r.kind, r.dateFormat);
  return requests;
}

function numbers(columns: Map<string, ColumnValues>, name: string | undefined): Float64Array | null {
  const c = name === undefined ? undefined : columns.get(name);
  return c && (c.kind === 'number' || c.kind === 'date') ? c.values : null;
}

/**
 * Customer codes renumbered densely over the rows kept (filters and rejects may leave ids
 * without rows), keeping the order of first appearance in the file.
 */
function transactionLog(columns: Map<string, ColumnValues>, spec: SourceSpec, rows: number): TransactionLog {
  const customer = columns.get(column(spec, 'customer')!) as Extract<ColumnValues, { kind: 'id' }>;
  const codes = customer.codes;
  let customerIds = customer.ids;
  const remap = new Int32Array(customer.ids.length).fill(-1);
  for (let i = 0; i < rows; i++) remap[codes[i]] = 0;
  let next = 0;
  for (let k = 0; k < remap.length; k++) if (remap[k] === 0) remap[k] = next++;
  if (next < customer.ids.length) {
    customerIds = new Array<string>(next);
    for (let k = 0; k < remap.length; k++) if (remap[k] >= 0) customerIds[remap[k]] = customer.ids[k];
    for (let i = 0; i < rows; i++) codes[i] = remap[codes[i]];
  }
  return {
    customerIds,
    customer: codes,
    time: numbers(columns, column(spec, 'date'))!,
    amount: numbers(columns, column(spec, 'amount')),
    rows,
  };
}

function dateRange(time: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < time.length; i++) {
    if (time[i] < min) min = time[i];
    if (time[i] > max) max = time[i];
  }
  return time.length ? [min, max] : [NaN, NaN];
}

type IdColumn = Extract<ColumnValues, { kind: 'id' }>;

/**
 * Customers read (valid ids in any row read), and those every row of whom was rejected (per
 * the reason of their last rejected row) or filtered out: read = kept + rejected + filtered.
 * `before` holds the codes of the rows that passed the readers, before any filter.
 */
function customerAccounting(
  ids: IdColumn,
  before: Int32Array,
  beforeRows: number,
  after: Int32Array,
  afterRows: number,
  rejectedCustomers: Map<number, string> | undefined,
) {
  const n = ids.ids.length;
  const flags = new Uint8Array(n); // 1: a row passed the readers, 2: a row passed the filters too
  for (let i = 0; i < beforeRows; i++) flags[before[i]] = 1;
  for (let i = 0; i < afterRows; i++) flags[after[i]] = 3;
  let read = 0;
  let filtered = 0;
  const rejected = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    if (ids.invalid?.[k]) continue;
    read++;
    if (flags[k] === 1) filtered++;
    else if (flags[k] === 0) {
      const reason = rejectedCustomers?.get(k) ?? 'every row rejected';
      rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
    }
  }
  const customersRejected = [...rejected]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count);
  return { customersRead: read, customersRejected, customersFiltered: filtered };
}

type BaseReport = Omit<
  LoadReport,
  'customers' | 'minDate' | 'maxDate' | 'customersRead' | 'customersRejected' | 'customersFiltered'
>;

/** What the readers passed, before filters: the customer codes for the accounting of customers. */
export interface BeforeFilters {
  columns: Map<string, ColumnValues>;
  rows: number;
  rejectedCustomers?: Map<number, string>;
}

/** Role columns out of the read columns; everything else read stays available as `extra`. */
export function assemble(
  spec: SourceSpec,
  columns: Map<string, ColumnValues>,
  rows: number,
  report: BaseReport,
  before: BeforeFilters,
): LoadedSource {
  const roleColumns = new Set(spec.mappings.flatMap((m) => m.columns));
  const extra = new Map([...columns].filter(([name]) => !roleColumns.has(name)));
  const none = { customersRead: 0, customersRejected: [], customersFiltered: 0 };
  if (spec.kind === 'transactions') {
    const name = column(spec, 'customer')!;
    const ids = columns.get(name) as IdColumn;
    // Before transactionLog renumbers the codes (in place when nothing was filtered).
    const customers = customerAccounting(
      ids,
      (before.columns.get(name) as IdColumn).codes,
      before.rows,
      ids.codes,
      rows,
      before.rejectedCustomers,
    );
    const log = transactionLog(columns, spec, rows);
    const [minDate, maxDate] = dateRange(log.time);
    return {
      kind: 'transactions',
      log,
      extra,
      report: { ...report, ...customers, customers: log.customerIds.length, minDate, maxDate },
      returns: spec.returns ?? DEFAULT_RETURNS_POLICY,
    };
  }
  const full: LoadReport = { ...report, ...none, customers: 0, minDate: NaN, maxDate: NaN };
  if (spec.kind === 'summary') {
    const col = (role: string) => numbers(columns, column(spec, role));
    const weight = col('weight');
    const ids = columns.get(column(spec, 'customer') ?? '');
    let customers = rows;
    if (weight) {
      customers = 0;
      for (let i = 0; i < rows; i++) customers += weight[i];
    }
    return {
      kind: 'summary',
      rows,
      customers,
      customerIds: ids?.kind === 'id' ? Array.from(ids.codes, (k) => ids.ids[k]) : null,
      frequency: col('frequency')!,
      recency: col('recency')!,
      age: col('age')!,
      monetary: col('monetary'),
      weight,
      extra,
      report: { ...full, customers },
    };
  }
  const periods = numbers(columns, column(spec, 'period'))!;
  const cohorts = (mapping(spec, 'survivors')?.columns ?? []).map((name) => ({
    name,
    survivors: numbers(columns, name)!,
  }));
  return { kind: 'cohorts', periods, cohorts, extra, report: full };
}
