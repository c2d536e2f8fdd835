// The header and a sample of rows of a source's data file, read synchronously: the checker
// asks for a source's columns synchronously, and reading the first 64 KiB of a local file
// takes well under a millisecond. Only delimited text and JSON are sampled; Parquet and
// Arrow files are only checked for existence (their columns are unknown to the editor).
import { closeSync, openSync, readSync } from 'node:fs';
import type { ColumnInfo } from '../../language';

export interface SourceFileSpec {
  /** Absolute path. */
  path: string;
  format: string;
  /** One character, or ' ' for whitespace; undefined means the format's default. */
  delimiter?: string;
  header: boolean;
  /** Names from the `columns` option, for files without a header line. */
  columns?: string[];
}

export interface SampledColumn extends ColumnInfo {
  /** The first values of the column, as written in the file. */
  samples: string[];
}

export type FileSchema =
  | { kind: 'columns'; columns: SampledColumn[] }
  /** The file exists but its columns are not read (parquet, arrow). */
  | { kind: 'opaque' }
  | { kind: 'unreadable'; reason: string };

const HEAD_BYTES = 64 * 1024;
const SAMPLE_ROWS = 20;

function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const bytesRead = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const text = buffer.toString('utf8', 0, bytesRead).replace(/^\uFEFF/, '');
    // Drop a partial last line of a longer file: it would be a truncated sample value.
    return bytesRead < HEAD_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  } finally {
    closeSync(fd);
  }
}

/** Fields of one delimited line; a double-quoted field may hold the delimiter and `""`. */
function fields(line: string, delimiter: string): string[] {
  if (delimiter === ' ') return line.trim().split(/\s+/);
  const out: string[] = [];
  const pattern = new RegExp(`\\s*(?:"((?:[^"]|"")*)"|([^${escapeClass(delimiter)}]*))\\s*(?:${escapeRegex(delimiter)}|$)`, 'y');
  while (pattern.lastIndex < line.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(line);
    if (!match || pattern.lastIndex === at) break;
    out.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2].trim());
  }
  if (line.endsWith(delimiter)) out.push('');
  return out;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeClass = (s: string) => s.replace(/[\]\\^-]/g, '\\$&');

const DEFAULT_DELIMITER: Record<string, string> = { csv: ',', tsv: '\t', text: ' ' };

function delimitedRows(head: string, spec: SourceFileSpec): { header: string[]; rows: string[][] } {
  const delimiter = spec.delimiter ?? DEFAULT_DELIMITER[spec.format] ?? ',';
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, SAMPLE_ROWS + 1).map((l) => fields(l, delimiter));
  if (!spec.header) return { header: spec.columns ?? [], rows: lines.slice(0, SAMPLE_ROWS) };
  const [header = [], ...rows] = lines;
  return { header, rows };
}

/** Objects of a JSON array (cut after the last whole object when the head is truncated) or of JSON lines. */
function jsonObjects(head: string): Record<string, unknown>[] {
  const text = head.trim();
  if (!text.startsWith('[')) {
    return text.split(/\r?\n/).slice(0, SAMPLE_ROWS).flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
  }
  let end = text.endsWith(']') ? text.length - 1 : text.lastIndexOf('}');
  for (let attempt = 0; end > 0 && attempt < 50; attempt++, end = text.lastIndexOf('}', end - 1)) {
    try {
      return (JSON.parse(`${text.slice(0, end + 1)}]`) as Record<string, unknown>[]).slice(0, SAMPLE_ROWS);
    } catch {
      // a `}` inside a nested value or a string: try the one before
    }
  }
  return [];
}

function jsonRows(head: string): { header: string[]; rows: string[][] } {
  const objects = jsonObjects(head).filter((o) => o !== null && typeof o === 'object');
  const header = Object.keys(objects[0] ?? {});
  const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return { header, rows: objects.map((o) => header.map((k) => text(o[k]))) };
}

/** The narrowest type every non-empty sample value fits. */
export function inferType(samples: string[]): ColumnInfo['type'] {
  const present = samples.filter((s) => s !== '');
  if (present.length === 0) return undefined;
  if (present.every((s) => s.trim() !== '' && Number.isFinite(Number(s)))) return 'number';
  if (present.every((s) => /^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(s) || /^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(s))) return 'date';
  if (present.every((s) => /^(true|false)$/i.test(s))) return 'boolean';
  return 'string';
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

export function readSchema(spec: SourceFileSpec): FileSchema {
  let head: string;
  try {
    if (spec.format === 'parquet' || spec.format === 'arrow') {
      closeSync(openSync(spec.path, 'r'));
      return { kind: 'opaque' };
    }
    head = readHead(spec.path);
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  }
  const { header, rows } = spec.format === 'json' ? jsonRows(head) : delimitedRows(head, spec);
  const columns = header.map((name, i) => {
    const samples = rows.map((r) => r[i] ?? '');
    return { name, type: inferType(samples), samples };
  });
  return { kind: 'columns', columns };
}
