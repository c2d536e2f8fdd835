// Column names of each source's data file, for the checker (unknown columns in mappings and
// filters become diagnostics). Files are read before checking because the checker asks
// synchronously. A file that cannot be read gives no schema: whether data exists is the
// run's business; `check` stays about the notebook's text and what it can verify.
import { resolve } from 'node:path';
import { DELIMITER_WORDS, parseCell, type CheckOptions, type ColumnInfo, type OptionItem, type SourceStatement } from '../language';
import { readColumns } from './new/data-columns';
import { isClvCell, type LoadedNotebook } from './notebook-io';

function option(source: SourceStatement, name: string) {
  const item = source.block?.items.find((i): i is OptionItem => i.kind === 'Option' && i.name.name === name);
  return item?.values[0]?.value;
}

function delimiterOf(source: SourceStatement): string | undefined {
  const value = option(source, 'delimiter');
  if (value?.kind === 'Identifier') return DELIMITER_WORDS[value.name];
  return value?.kind === 'String' ? value.value : undefined;
}

async function columnsOf(dir: string, source: SourceStatement): Promise<ColumnInfo[] | undefined> {
  const header = option(source, 'header');
  if (!source.path || !source.format || (header?.kind === 'Boolean' && !header.value)) return undefined;
  try {
    const data = await readColumns(resolve(dir, source.path.value), source.format.name, delimiterOf(source));
    return data.columns.map((name) => ({ name }));
  } catch {
    return undefined;
  }
}

export async function readSchemas(notebook: LoadedNotebook): Promise<CheckOptions['schema']> {
  const schemas = new Map<string, ColumnInfo[]>();
  for (const cell of notebook.cells.filter(isClvCell)) {
    for (const statement of parseCell(cell.source).statements) {
      if (statement.kind !== 'Source' || !statement.name) continue;
      const columns = await columnsOf(notebook.dir, statement);
      if (columns) schemas.set(statement.name.name, columns);
    }
  }
  return (source) => (source.name ? schemas.get(source.name.name) : undefined);
}
