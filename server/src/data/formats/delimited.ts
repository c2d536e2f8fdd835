// CSV, TSV and whitespace-delimited text: the file streams through the byte scanner and the
// requested columns are parsed in place into typed arrays. The header (or the `columns`
// names) fixes the field positions; a row with too few fields or an unreadable value is
// counted with its reason, line and text.
import { DelimitedScanner, UNTERMINATED } from '../csv-scanner';
import { REJECT_REASONS } from '../policy';
import { columnReader, fieldText, type ColumnReader } from '../column-readers';
import { nameList, prefix } from '../bounded-text';
import { DataError } from '../errors';
import { streamChunks, type ChunkOptions } from '../file-chunks';
import { Rejects } from '../rejects';
import type { ColumnarResult, ColumnRequest } from '../types';
import { delimiterProblem, encodingProblem, lineEndProblem } from './text-layout';

export interface DelimitedLayout {
  delimiter: number | 'whitespace';
  header: boolean;
  /** Names for a file without a header, or to rename the header's. */
  names?: string[];
}

const DEFAULT_DELIMITERS: Record<string, number | 'whitespace'> = { csv: 44, tsv: 9, text: 'whitespace' };

export function isDelimited(format: string): boolean {
  return format in DEFAULT_DELIMITERS;
}

/** The layout for a format and the notebook's `delimiter`/`header`/`columns` options. */
export function delimitedLayout(
  format: string,
  delimiter: string | undefined,
  header: boolean | undefined,
  names: string[] | undefined,
): DelimitedLayout {
  const d =
    delimiter === undefined
      ? DEFAULT_DELIMITERS[format]
      : delimiter === ' ' || delimiter === 'whitespace'
        ? 'whitespace'
        : delimiter.charCodeAt(0);
  return { delimiter: d, header: header ?? true, names };
}

const hasBom = (b: Uint8Array, at: number) => at === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** A requested column the file does not have; `hint` says what the file looks like instead. */
export function missingColumn(name: string, names: string[], hint?: string | null): DataError {
  const list = names.length ? nameList(names) : '(none: name them with `columns`)';
  const text = `The column "${prefix(name)}" is not in the file; its columns are: ${list}.`;
  return new DataError(hint ? `${text} ${hint}` : text);
}

/** The field index of each requested column; a name the header holds twice is ambiguous, an error. */
export function columnIndex(name: string, names: string[], hint?: () => string | null): number {
  const index = names.indexOf(name);
  if (index < 0) throw missingColumn(name, names, hint?.());
  const again = names.indexOf(name, index + 1);
  if (again >= 0)
    throw new DataError(
      `The header names the column "${prefix(name)}" twice, as column ${index + 1} and column ${again + 1}: rename one of them, or name the columns with \`columns\`.`,
    );
  return index;
}

/** The header record's names (trimmed); a header whose quote never closes is an error. */
function headerNames(bytes: Buffer, scanner: DelimitedScanner, count: number, line: number): string[] {
  if (count === UNTERMINATED) throw new DataError(`The header (line ${line}) has a ${REJECT_REASONS.unterminated}.`);
  return Array.from({ length: count }, (_, k) =>
    fieldText(bytes, scanner.starts[k], scanner.ends[k], scanner.flags[k]).trim(),
  );
}

/** Throws when the first bytes are not delimited UTF-8 text with LF line ends (UTF-16, CR alone, ZIP). */
export function checkTextLayout(file: string, head: Uint8Array): void {
  const problem = encodingProblem(head) ?? lineEndProblem(head);
  if (problem) throw new DataError(`Cannot read "${file}" as delimited text. ${problem}`);
}

export interface ScanRequest {
  layout: DelimitedLayout;
  requests: ColumnRequest[];
  /** Stop after this many data rows (schema sampling). */
  maxRows?: number;
}

export async function loadDelimited(
  path: string,
  scan: ScanRequest,
  options: ChunkOptions,
  sizeHint: number,
): Promise<ColumnarResult> {
  const { layout, requests } = scan;
  const scanner = new DelimitedScanner(layout.delimiter, path);
  const rejects = new Rejects();
  // ~26 bytes a row is typical for customer,date,amount: start near the final size.
  const capacity = Math.max(1024, Math.min(1 << 24, Math.ceil(sizeHint / 24)));
  let names: string[] = layout.header ? [] : (layout.names ?? []);
  let readers: ColumnReader[] | null = null;
  let needed = 0;
  let rowsRead = 0;
  let rows = 0;
  let atStart = true;
  const maxRows = scan.maxRows ?? Infinity;

  let buffer: Buffer;
  // Only when a column is missing: what the first line looks like (another delimiter?).
  const hint = () => (buffer ? delimiterProblem(buffer.subarray(0, 1 << 16), layout) : null);
  const prepare = () => {
    readers = requests.map((r) => columnReader(r, columnIndex(r.name, names, hint), capacity));
    needed = readers.reduce((m, r) => Math.max(m, r.index + 1), 0);
  };
  if (!layout.header) prepare();

  const reject = (reason: string, line: number, s: number, e: number, customer = -1) => {
    rejects.add(reason, line, () => buffer.toString('utf8', s, e), customer);
  };
  const onRecord = (count: number, line: number, s: number, e: number) => {
    if (readers === null) {
      const header = headerNames(buffer, scanner, count, line);
      names = layout.names ?? header;
      prepare();
      return;
    }
    if (rowsRead >= maxRows) return;
    rowsRead++;
    if (count === UNTERMINATED) return reject(REJECT_REASONS.unterminated, line, s, e);
    if (count < needed) return reject(REJECT_REASONS.tooFewFields(count, needed), line, s, e);
    for (const r of readers) {
      const k = r.index;
      const reason = r.read(buffer, scanner.starts[k], scanner.ends[k], scanner.flags[k], rows);
      if (reason !== null) return reject(reason, line, s, e, readers[0].lastCode ?? -1);
    }
    rows++;
  };

  await streamChunks(
    path,
    (chunk, end, final) => {
      buffer = chunk;
      if (atStart) checkTextLayout(path, chunk.subarray(0, Math.min(end, 1 << 16)));
      const start = hasBom(chunk, atStart ? 0 : -1) ? 3 : 0;
      atStart = false;
      return scanner.scan(chunk, start, end, final, onRecord);
    },
    options,
  );
  if (readers === null) prepare(); // an empty file: still say which columns are missing
  return {
    rowsRead,
    rows,
    columns: new Map(readers!.map((r: ColumnReader) => [r.request.name, r.result(rows)])),
    rejected: rejects.list(),
    names,
    rejectedCustomers: rejects.customers,
  };
}
