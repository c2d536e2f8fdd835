// The editor's look at a source's data file: the data layer's schema sampler (the same reader
// and type inference the kernel's loader is built on), from the file's first 64 KiB, or a
// Parquet file's footer. The language server runs it in its schema worker (schema-worker.ts),
// never on its message loop, so a file on a slow disk delays only its own source's columns;
// the command line (`clvnb check`, `clvnb columns`) calls it directly. An Arrow file is read
// whole, so one larger than ARROW_LIMIT_BYTES is left unread: its columns are then not known.
import { checkedFileSync, readSchemaSync, UnreadableFileError, type InferredType, type SourceSchema } from '../../data';
import type { ColumnInfo } from '../../language';
import type { FileSchema, SourceFileSpec } from './columns';

// Rows sampled (within the first 64 KiB): enough that a day above 12 usually tells day-first dates
// from month-first ones, so the editor, `clvnb columns` and `clvnb new` rarely have to ask.
const SAMPLE_ROWS = 200;
const ARROW_LIMIT_BYTES = 32 * 1024 * 1024;

/** The checker's coarser type of each inferred type. */
export const CHECKER_TYPE: Record<InferredType, ColumnInfo['type']> = {
  integer: 'number',
  number: 'number',
  date: 'date',
  string: 'string',
  empty: undefined,
};

const ARROW_TOO_LARGE: FileSchema = {
  kind: 'opaque',
  reason: `Arrow files over ${ARROW_LIMIT_BYTES >> 20} MB are not read by the editor`,
};

function sampleOptions(spec: SourceFileSpec) {
  return {
    format: spec.format,
    delimiter: spec.delimiter,
    header: spec.header,
    columns: spec.columns,
    sampleRows: SAMPLE_ROWS,
  };
}

function columnsOf(schema: SourceSchema): FileSchema {
  const columns = schema.columns.map((c) => ({
    name: c.name,
    type: CHECKER_TYPE[c.type],
    inferred: c.type,
    dateFormat: c.dateFormat,
    dateFormats: c.dateFormats,
    samples: c.samples,
  }));
  return { kind: 'columns', columns };
}

function failed(error: unknown): FileSchema {
  if (error instanceof UnreadableFileError) return { kind: 'unreadable', reason: error.reason };
  // A file that opens but does not decode (a corrupt Parquet footer, bad JSON): say what the reader said.
  return { kind: 'unreadable', reason: (error as Error).message };
}

export function readSchema(spec: SourceFileSpec): FileSchema {
  try {
    if (spec.format === 'arrow' && checkedFileSync(spec.path) > ARROW_LIMIT_BYTES) return ARROW_TOO_LARGE;
    return columnsOf(readSchemaSync(spec.path, sampleOptions(spec)));
  } catch (error) {
    return failed(error);
  }
}
