// The sample's transaction source (the `source` that maps `customer` and `date`): which
// columns it maps, and the text of its replacement reading the user's file and columns.
import { quoteString, type MappingItem, type SourceStatement } from '../../language';

/** The column the sample maps to `role`, if any. */
export function mappedColumn(statement: SourceStatement, role: string): string | undefined {
  const mapping = statement.block?.items.find((i): i is MappingItem => i.kind === 'Mapping' && i.role.name === role);
  return mapping?.columns[0]?.name;
}

export interface NewSource {
  name: string;
  format: string;
  /** Forward-slash path relative to the new notebook. */
  path: string;
  customer: string;
  date: string;
  /** Undefined means ISO, the language's default. */
  dateFormat?: string;
  amount?: string;
}

/** Bare names stay bare (the common case reads best); anything else is quoted. */
const column = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quoteString(name));
const dateFormat = (format: string) => (format === 'ISO' || format === 'YYYYMMDD' ? format : quoteString(format));

/** The statement text; the caller runs the formatter over the cell for the final layout. */
export function sourceText(s: NewSource): string {
  const mappings = [
    `customer = ${column(s.customer)}`,
    `date = ${column(s.date)}${s.dateFormat ? ` as ${dateFormat(s.dateFormat)}` : ''}`,
  ];
  if (s.amount) mappings.push(`amount = ${column(s.amount)}`);
  return `source ${s.name} = ${s.format} ${quoteString(s.path)} {\n${mappings.map((m) => '  ' + m).join('\n')}\n}`;
}
