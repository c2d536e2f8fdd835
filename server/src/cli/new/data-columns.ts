// The header and first values of the user's data file, for `clvnb new` to check the
// columns it is told to map and to recognise the date format. Only the first 64 KiB are
// read: enough for a header and a sample of rows, however large the file.
import { open } from 'node:fs/promises';
import { InputError } from '../errors';

export interface DataColumns {
  columns: string[];
  /** The first values of a column (up to 20), as text. */
  sample(column: string): string[];
}

const HEAD_BYTES = 64 * 1024;
const SAMPLE_ROWS = 20;

/** The file's first bytes as text, without a partial last line when the file is longer. */
async function readHead(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read: ${code === 'ENOENT' ? 'no such file' : code}`, path);
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const text = buffer.toString('utf8', 0, bytesRead).replace(/^\uFEFF/, '');
    return bytesRead < HEAD_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  } finally {
    await handle.close();
  }
}

/** One delimited line → fields; double quotes group a field and `""` is a literal quote. */
export function splitLine(line: string, delimiter: string | 'whitespace'): string[] {
  if (delimiter === 'whitespace') return line.trim().split(/\s+/);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

function fromRows(header: string[], rows: string[][]): DataColumns {
  return { columns: header, sample: (column) => rows.map((r) => r[header.indexOf(column)] ?? '') };
}

function delimited(head: string, delimiter: string | 'whitespace'): DataColumns {
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...rows] = lines.slice(0, SAMPLE_ROWS + 1).map((l) => splitLine(l, delimiter));
  return fromRows(header ?? [], rows);
}

/** A JSON array of objects or JSON lines: the first object's keys and the first values. */
function json(head: string): DataColumns {
  const objects = [...head.matchAll(/\{[^{}]*\}/g)].slice(0, SAMPLE_ROWS).flatMap((m) => {
    try {
      return [JSON.parse(m[0]) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
  const header = Object.keys(objects[0] ?? {});
  return fromRows(header, objects.map((o) => header.map((k) => String(o[k] ?? ''))));
}

/** `delimiter`: the source's own one-character separator, or whitespace; default by format. */
export async function readColumns(path: string, format: string, delimiter?: string): Promise<DataColumns> {
  if (format === 'parquet' || format === 'arrow') {
    throw new InputError(`reading the columns of ${format} files is not supported by \`clvnb new\` yet; convert a sample to CSV or edit the source by hand`, path);
  }
  const head = await readHead(path);
  const separator = delimiter === ' ' ? 'whitespace' : delimiter ?? (format === 'tsv' ? '\t' : format === 'text' ? 'whitespace' : ',');
  const columns = format === 'json' ? json(head) : delimited(head, separator);
  if (columns.columns.length === 0) throw new InputError('the file is empty or has no header line', path);
  return columns;
}
