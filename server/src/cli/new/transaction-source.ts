// The sample's transaction source (the `source` that maps `customer` and `date`): which
// columns it maps, and the text of its replacement reading the user's file and columns.
import { canQuote, quoteString, writeName, type MappingItem, type SourceStatement } from '../../language';
import { InputError } from '../errors';

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
  /** Names for all the file's columns in order, when its header's own cannot be written (sourceColumnNames). */
  columns?: string[];
}

/** A header name as a notebook can write it: its line breaks (which no string can hold) as spaces. */
export const writableName = (name: string): string => name.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * Names the source can give the file's columns: the header's, unless one holds a line break,
 * which a `clv` string cannot; then every column is named (the `columns` option renames a
 * header's names in order) with its line breaks written as spaces.
 */
export function sourceColumnNames(header: string[], file: string): { names: string[]; renamed: boolean } {
  if (header.every(canQuote)) return { names: header, renamed: false };
  const names = header.map(writableName);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    throw new InputError(
      `the file's header has column names with line breaks, which a notebook cannot write, and with the breaks as spaces two columns are both named '${twice}': rename them in the file`,
      file,
    );
  return { names, renamed: true };
}

const dateFormat = (format: string) => (format === 'ISO' || format === 'YYYYMMDD' ? format : quoteString(format));

/** The statement text; the caller runs the formatter over the cell for the final layout. */
export function sourceText(s: NewSource): string {
  const mappings = [
    `customer = ${writeName(s.customer)}`,
    `date = ${writeName(s.date)}${s.dateFormat ? ` as ${dateFormat(s.dateFormat)}` : ''}`,
  ];
  if (s.amount) mappings.push(`amount = ${writeName(s.amount)}`);
  const lines = s.columns ? [`columns ${s.columns.map(writeName).join(', ')}`, ...mappings] : mappings;
  return `source ${s.name} = ${s.format} ${quoteString(s.path)} {\n${lines.map((m) => '  ' + m).join('\n')}\n}`;
}
