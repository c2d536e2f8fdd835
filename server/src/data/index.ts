// The data layer's API: `loadSource(spec, {signal, onProgress})` reads a data file into
// typed columns — a TransactionLog (customer, date, amount), a per-customer summary or
// cohort survivor counts — counting every rejected and filtered row. Delimited text is
// scanned from bytes (scan.ts); JSON, Parquet and Arrow go through records (records.ts).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fromArrow } from 'arquero';
import { parquetReadObjects } from 'hyparquet';
import { DataError } from './errors';
import { recordsToColumns } from './records';
import { scanDelimited, type ColumnRequest, type ColumnValues, type ScanResult } from './scan';
import type { FilterColumns, LoadedSource, LoadOptions, LoadReport, SourceSpec, TransactionLog } from './types';

export { DataError } from './errors';
export type { RejectGroup } from './rejects';
export type { ColumnKind, ColumnRequest } from './scan';
export type * from './types';
export { dateParser, daysFromCivil } from './dates';

const DEFAULT_DELIMITER: Record<string, number | 'whitespace'> = { csv: 44, tsv: 9, text: 'whitespace' };

function mapping(spec: SourceSpec, role: string) {
  return spec.mappings.find((m) => m.role === role || (role === 'age' && m.role === 'T'));
}

/** The columns to read, and how, for the source's kind. */
function roleRequests(spec: SourceSpec): ColumnRequest[] {
  const column = (role: string) => mapping(spec, role)?.columns[0];
  const requests: ColumnRequest[] = [];
  const add = (name: string | undefined, kind: ColumnRequest['kind'], dateFormat?: string) => {
    if (name && !requests.some((r) => r.name === name)) requests.push({ name, kind, dateFormat });
  };
  if (spec.kind === 'transactions') {
    add(column('customer'), 'id');
    add(column('date'), 'date', mapping(spec, 'date')?.format);
    add(column('amount'), 'number');
  } else if (spec.kind === 'summary') {
    for (const role of ['frequency', 'recency', 'age', 'monetary', 'weight']) add(column(role), 'number');
  } else {
    add(column('period'), 'number');
    for (const name of mapping(spec, 'survivors')?.columns ?? []) add(name, 'number');
  }
  for (const r of spec.filterColumns ?? []) add(r.name, r.kind, r.dateFormat);
  return requests;
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    throw new DataError(`Cannot read the data file "${path}": ${why}.`);
  }
}

function parseJson(bytes: Uint8Array, path: string): Record<string, unknown>[] {
  const text = Buffer.from(bytes).toString('utf8').trim();
  try {
    if (text.startsWith('[')) return JSON.parse(text);
    // JSON lines: one object per line.
    return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  } catch (err) {
    throw new DataError(`"${basename(path)}" is not valid JSON (an array of objects, or one object per line): ${(err as Error).message}.`);
  }
}

async function readColumns(bytes: Uint8Array, spec: SourceSpec, requests: ColumnRequest[], options: LoadOptions): Promise<ScanResult> {
  const format = spec.format;
  if (format in DEFAULT_DELIMITER) {
    const delimiter = spec.delimiter === undefined ? DEFAULT_DELIMITER[format] : spec.delimiter === ' ' ? 'whitespace' : spec.delimiter.charCodeAt(0);
    return scanDelimited(bytes, { delimiter, header: spec.header ?? true, names: spec.columns, requests, signal: options.signal, onProgress: options.onProgress });
  }
  if (format === 'json') return recordsToColumns(parseJson(bytes, spec.path), requests);
  if (format === 'parquet') {
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return recordsToColumns((await parquetReadObjects({ file, columns: requests.map((r) => r.name) })) as Record<string, unknown>[], requests);
  }
  if (format === 'arrow') return recordsToColumns(fromArrow(bytes).objects() as Record<string, unknown>[], requests);
  throw new DataError(`Unknown file format "${format}".`);
}

/** Keeps the rows where `mask` is 1, in every column. */
function compact(columns: Map<string, ColumnValues>, mask: Uint8Array): Map<string, ColumnValues> {
  const keep = (a: ArrayLike<unknown>) => Array.prototype.filter.call(a, (_: unknown, i: number) => mask[i] === 1);
  const out = new Map<string, ColumnValues>();
  for (const [name, c] of columns) {
    if (c.kind === 'id') out.set(name, { kind: 'id', codes: Int32Array.from(keep(c.codes) as number[]), ids: c.ids });
    else if (c.kind === 'text') out.set(name, { kind: 'text', values: keep(c.values) as string[] });
    else out.set(name, { kind: c.kind, values: Float64Array.from(keep(c.values) as number[]) });
  }
  return out;
}

function numbers(columns: Map<string, ColumnValues>, name: string | undefined): Float64Array | null {
  const c = name === undefined ? undefined : columns.get(name);
  return c && (c.kind === 'number' || c.kind === 'date') ? c.values : null;
}

/** A transaction log whose customer list holds only customers with rows (filters may drop some). */
function transactionLog(columns: Map<string, ColumnValues>, spec: SourceSpec, rows: number): TransactionLog {
  const customer = columns.get(mapping(spec, 'customer')!.columns[0]) as Extract<ColumnValues, { kind: 'id' }>;
  const remap = new Int32Array(customer.ids.length).fill(-1);
  const customerIds: string[] = [];
  const codes = customer.codes;
  for (let i = 0; i < rows; i++) {
    if (remap[codes[i]] < 0) remap[codes[i]] = customerIds.push(customer.ids[codes[i]]) - 1;
    codes[i] = remap[codes[i]];
  }
  return { customerIds, customer: codes, time: numbers(columns, mapping(spec, 'date')!.columns[0])!, amount: numbers(columns, mapping(spec, 'amount')?.columns[0]), rows };
}

export async function loadSource(spec: SourceSpec, options: LoadOptions = {}): Promise<LoadedSource> {
  const bytes = await readBytes(spec.path);
  const requests = roleRequests(spec);
  const scanned = await readColumns(bytes, spec, requests, options);
  let columns = scanned.columns;
  let rows = scanned.rows;
  let filtered = 0;
  if (spec.filter) {
    const view: FilterColumns = new Map([...columns].map(([name, c]) => [name, c.kind === 'id' ? Array.from(c.codes, (k) => c.ids[k]) : c.values]));
    const mask = spec.filter(view, rows);
    const kept = mask.reduce((s, v) => s + v, 0);
    filtered = rows - kept;
    if (filtered > 0) columns = compact(columns, mask);
    rows = kept;
  }
  const report: LoadReport = { file: spec.path, rowsRead: scanned.rowsRead, rejected: scanned.rejects.list(), filtered };
  if (spec.kind === 'transactions') return { kind: 'transactions', log: transactionLog(columns, spec, rows), report };
  if (spec.kind === 'summary') {
    const col = (role: string) => numbers(columns, mapping(spec, role)?.columns[0]);
    const weight = col('weight');
    return {
      kind: 'summary',
      rows,
      customers: weight ? weight.reduce((s, w) => s + w, 0) : rows,
      frequency: col('frequency')!,
      recency: col('recency')!,
      age: col('age')!,
      monetary: col('monetary'),
      weight,
      report,
    };
  }
  const periods = numbers(columns, mapping(spec, 'period')!.columns[0])!;
  const cohorts = (mapping(spec, 'survivors')?.columns ?? []).map((name) => ({ name, survivors: numbers(columns, name)! }));
  return { kind: 'cohorts', periods, cohorts, report };
}
