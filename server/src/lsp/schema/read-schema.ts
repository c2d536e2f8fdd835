// The editor's look at a source's data file: the data layer's schema sampler (the same reader
// and type inference the kernel's loader is built on), asked synchronously because the checker
// asks for a source's columns synchronously; reading the head of a local file takes well under
// a millisecond. Parquet columns come from the file's footer. An Arrow file is read whole, so
// one larger than ARROW_LIMIT_BYTES is left unread: the editor then does not know its columns.
import { checkedFileSync, readSchemaSync, UnreadableFileError, type InferredType } from '../../data';
import type { ColumnInfo } from '../../language';
import type { FileSchema, SourceFileSpec } from './columns';

// Rows sampled (within the first 64 KiB): enough that a day above 12 usually tells day-first dates
// from month-first ones, so the editor, `clvnb columns` and `clvnb new` rarely have to ask.
const SAMPLE_ROWS = 200;
const ARROW_LIMIT_BYTES = 32 * 1024 * 1024;

const CHECKER_TYPE: Record<InferredType, ColumnInfo['type']> = {
  integer: 'number',
  number: 'number',
  date: 'date',
  string: 'string',
  empty: undefined,
};

export function readSchema(spec: SourceFileSpec): FileSchema {
  try {
    if (spec.format === 'arrow' && checkedFileSync(spec.path) > ARROW_LIMIT_BYTES) {
      return { kind: 'opaque', reason: `Arrow files over ${ARROW_LIMIT_BYTES >> 20} MB are not read by the editor` };
    }
    const schema = readSchemaSync(spec.path, {
      format: spec.format,
      delimiter: spec.delimiter,
      header: spec.header,
      columns: spec.columns,
      sampleRows: SAMPLE_ROWS,
    });
    const columns = schema.columns.map((c) => ({
      name: c.name,
      type: CHECKER_TYPE[c.type],
      inferred: c.type,
      dateFormat: c.dateFormat,
      dateFormats: c.dateFormats,
      samples: c.samples,
    }));
    return { kind: 'columns', columns };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { kind: 'unreadable', reason: error.reason };
    // A file that opens but does not decode (a corrupt Parquet footer, bad JSON): say what the reader said.
    return { kind: 'unreadable', reason: (error as Error).message };
  }
}
