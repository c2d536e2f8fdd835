// Source formats and the column roles a source can map. The kind of source (transactions,
// summary, cohorts) follows from the roles mapped, so one `source` statement covers all three.

export const SOURCE_FORMATS: readonly { name: string; description: string }[] = [
  { name: 'csv', description: 'Comma-separated values (delimiter and header configurable).' },
  { name: 'tsv', description: 'Tab-separated values.' },
  { name: 'text', description: 'Whitespace-delimited text columns.' },
  { name: 'json', description: 'A JSON array of objects, or JSON lines.' },
  { name: 'parquet', description: 'Apache Parquet file.' },
  { name: 'arrow', description: 'Apache Arrow IPC file.' },
];

export type SourceKind = 'transactions' | 'summary' | 'cohorts';

export interface RoleInfo {
  name: string;
  kind: SourceKind;
  description: string;
  /** Required for a source of this kind. */
  required: boolean;
  /** Whether several columns may be mapped (one cohort per column). */
  multiple?: boolean;
  /** Whether `as "format"` applies (date columns). */
  dated?: boolean;
  aliasOf?: string;
}

export const ROLES: readonly RoleInfo[] = [
  { name: 'customer', kind: 'transactions', required: true, description: 'Customer identifier of each transaction.' },
  {
    name: 'date',
    kind: 'transactions',
    required: true,
    dated: true,
    description: 'Date of each transaction; `as "YYYYMMDD"`, `as ISO` (default) or a pattern like "DD/MM/YYYY".',
  },
  {
    name: 'amount',
    kind: 'transactions',
    required: false,
    description: 'Spend of each transaction (needed by spend models).',
  },
  { name: 'frequency', kind: 'summary', required: true, description: 'Repeat purchases per customer (or pattern).' },
  { name: 'recency', kind: 'summary', required: true, description: 'Time of the last purchase since the first.' },
  {
    name: 'age',
    kind: 'summary',
    required: true,
    description: 'Time from the first purchase to the end of calibration (T), or the number of opportunities.',
  },
  { name: 'T', kind: 'summary', required: false, description: 'Same as `age`.', aliasOf: 'age' },
  { name: 'monetary', kind: 'summary', required: false, description: 'Mean repeat spend (needed by spend models).' },
  {
    name: 'weight',
    kind: 'summary',
    required: false,
    description: 'How many customers share this row (pattern counts).',
  },
  {
    name: 'period',
    kind: 'cohorts',
    required: true,
    description: 'Period number of each row (0 = start of the contract).',
  },
  {
    name: 'survivors',
    kind: 'cohorts',
    required: true,
    multiple: true,
    description: 'Customers still subscribed at each period; one column per cohort.',
  },
];

const byName = new Map(ROLES.map((r) => [r.name, r]));

export function roleInfo(name: string): RoleInfo | undefined {
  return byName.get(name);
}

export const DATE_FORMAT_WORDS = ['ISO', 'YYYYMMDD'];
