// What a `source` statement says about its data file: where it is (relative to the
// notebook's folder) and how to read its header.
import { DELIMITER_WORDS, isConnectionFormat, type OptionItem, type SourceStatement } from '../../language';
import { dataPath } from '../workspace/program-files';
import type { SourceFileSpec } from './columns';

function optionValue(source: SourceStatement, name: string) {
  const item = source.block?.items.find((i): i is OptionItem => i.kind === 'Option' && i.name.name === name);
  return item?.values;
}

/**
 * The file spec of a source, or undefined while its format or path is not written yet, or
 * when it reads a table or a query through a connection (no file to open).
 */
export function sourceFileSpec(source: SourceStatement, folder: string): SourceFileSpec | undefined {
  if (!source.path || !source.format || source.connection || isConnectionFormat(source.format.name)) return undefined;
  const delimiter = optionValue(source, 'delimiter')?.[0]?.value;
  const header = optionValue(source, 'header')?.[0]?.value;
  const columns = optionValue(source, 'columns')?.map((v) =>
    v.value.kind === 'Identifier' ? v.value.name : v.value.kind === 'String' ? v.value.value : '',
  );
  return {
    path: dataPath(folder, source.path.value),
    format: source.format.name,
    delimiter:
      delimiter?.kind === 'Identifier'
        ? DELIMITER_WORDS[delimiter.name]
        : delimiter?.kind === 'String'
          ? delimiter.value
          : undefined,
    header: !(header?.kind === 'Boolean' && !header.value),
    columns,
  };
}
