// A cheap look at a data file for the editor: the column names and the first rows only
// (64 KiB of text, or the first rows of a Parquet/Arrow file), with each column's type
// inferred from the sample — integer, number, date (with the format that reads every
// sampled value) or string. Used for column completion, hover, "did you mean" and to warn
// when a declared date format does not match the data.
import { readFileSync } from 'node:fs';
import { DelimitedScanner, UNTERMINATED } from './csv-scanner';
import { prefix } from './bounded-text';
import { DataError } from './errors';
import { fieldText } from './column-readers';
import { CANDIDATE_DATE_FORMATS, dateParser, parseDateText, type DateParser } from './date-parser';
import { checkedFile, checkedFileSync, resolveSourcePath } from './engines/file-engine';
import { arrowTable, arrowTableFromBytes } from './formats/arrow';
import { checkTextLayout, delimitedLayout, isDelimited } from './formats/delimited';
import { delimiterProblem } from './formats/text-layout';
import { arrayRecords, parseJsonRecords, recordsTable, type Row } from './formats/json';
import { parquetColumnsSync, parquetTable } from './formats/parquet';
import type { DecodedTable } from './formats/value-columns';
import { readHead, readHeadSync } from './file-chunks';

export type InferredType = 'integer' | 'number' | 'date' | 'string' | 'empty';

export interface SchemaColumn {
  name: string;
  type: InferredType;
  /** For dates: the first format (ISO, YYYYMMDD, DD/MM/YYYY, ...) that reads every sample. */
  dateFormat?: string;
  /**
   * For dates the samples leave ambiguous (every day 12 or less: 05/06/2022 is 5 June or 6 May):
   * one format per reading, `dateFormat` first. Absent when every format that reads the samples
   * reads them as the same dates.
   */
  dateFormats?: string[];
  /** The first values as written in the file. */
  samples: string[];
}

export interface SourceSchema {
  /** The absolute path read. */
  path: string;
  columns: SchemaColumn[];
  sampledRows: number;
}

export interface SchemaOptions {
  format: string;
  baseDir?: string;
  delimiter?: string;
  header?: boolean;
  columns?: string[];
  /** Rows to sample (default 50). */
  sampleRows?: number;
}

const HEAD_BYTES = 1 << 16;

function delimitedSample(
  file: string,
  bytes: Buffer,
  complete: boolean,
  options: SchemaOptions,
  limit: number,
): { names: string[]; rows: string[][] } {
  checkTextLayout(file, bytes);
  const layout = delimitedLayout(options.format, options.delimiter, options.header, options.columns);
  const scanner = new DelimitedScanner(layout.delimiter, file);
  const records: string[][] = [];
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // A cut-off last record of a longer file is left unscanned (final = complete); a record
  // whose quote never closes is left out of the sample (the loader reports it).
  scanner.scan(bytes, start, bytes.length, complete, (count) => {
    if (records.length <= limit && count !== UNTERMINATED)
      records.push(
        Array.from({ length: count }, (_, k) =>
          fieldText(bytes, scanner.starts[k], scanner.ends[k], scanner.flags[k]).trim(),
        ),
      );
  });
  if (records.length === 0 && !complete)
    throw new DataError(
      `The first line of "${file}" is longer than ${HEAD_BYTES >> 10} KiB: this is not delimited text as declared.`,
    );
  if (!layout.header)
    return { names: layout.names ?? records[0]?.map((_, k) => `column${k + 1}`) ?? [], rows: records.slice(0, limit) };
  const [header = [], ...rows] = records;
  // One column where the first line splits on another delimiter: say which, not "no column x".
  const wrongDelimiter = header.length === 1 && !layout.names ? delimiterProblem(bytes.subarray(start), layout) : null;
  if (wrongDelimiter) throw new DataError(`Cannot read the columns of "${file}". ${wrongDelimiter}`);
  return { names: layout.names ?? header, rows };
}

/** Objects of a JSON array cut after its last whole object, or of JSON lines. */
function jsonSample(text: string, complete: boolean, path: string): DecodedTable {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (complete) return recordsTable(parseJsonRecords(body, path));
  if (!body.startsWith('[')) return recordsTable(parseJsonRecords(body.slice(0, body.lastIndexOf('\n')), path));
  for (
    let end = body.lastIndexOf('}'), tries = 0;
    end > 0 && tries < 50;
    end = body.lastIndexOf('}', end - 1), tries++
  ) {
    try {
      return recordsTable(arrayRecords(JSON.parse(`${body.slice(0, end + 1)}]`) as Row[]));
    } catch {
      // that `}` closed a nested object: try the one before
    }
  }
  return recordsTable(arrayRecords([]));
}

const cellText = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : v instanceof Date
      ? v.toISOString()
      : typeof v === 'object'
        ? JSON.stringify(v)
        : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects are handled above
          String(v);

function tableSample(table: DecodedTable, limit: number): { names: string[]; rows: string[][] } {
  const n = Math.min(limit, table.rows);
  const columns = table.names.map((name) => table.column(name));
  return { names: table.names, rows: Array.from({ length: n }, (_, i) => columns.map((c) => cellText(c[i]))) };
}

const parsers = new Map(CANDIDATE_DATE_FORMATS.map((f) => [f, dateParser(f) as DateParser]));

/** The narrowest type every non-empty sample fits; 8-digit integers that are all real dates read as YYYYMMDD. */
export function inferColumn(name: string, samples: string[]): SchemaColumn {
  const present = samples.filter((s) => s !== '');
  if (present.length === 0) return { name, type: 'empty', samples };
  const readings = dateReadings(present);
  const [dateFormat] = readings;
  const plausible = dateFormat !== 'YYYYMMDD' || present.every((s) => s >= '19000101' && s <= '21001231');
  if (dateFormat && plausible)
    return { name, type: 'date', dateFormat, ...(readings.length > 1 ? { dateFormats: readings } : {}), samples };
  if (present.every((s) => /^[+-]?\d+$/.test(s))) return { name, type: 'integer', samples };
  if (present.every((s) => s.trim() !== '' && Number.isFinite(Number(s)))) return { name, type: 'number', samples };
  return { name, type: 'string', samples };
}

/**
 * The candidate formats that read every value, one per distinct reading (D/M/YYYY reads
 * 05/06/2022 as DD/MM/YYYY does, so only the first of the two is kept), in candidate order.
 */
function dateReadings(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const format of CANDIDATE_DATE_FORMATS) {
    const days = values.map((s) => parseDateText(parsers.get(format)!, s));
    if (!days.every(Number.isFinite)) continue;
    const key = days.join(',');
    if (!seen.has(key)) out.push(format);
    seen.add(key);
  }
  return out;
}

/** Sample values that the date format cannot read (empty when it reads them all). */
export function dateFormatMismatches(format: string | undefined, samples: string[]): string[] {
  const parse = dateParser(format);
  if (typeof parse === 'string') return [];
  return samples.filter((s) => s !== '' && !Number.isFinite(parseDateText(parse, s))).map((s) => prefix(s));
}

/** Columns typed from the full samples; the samples kept are cut to a short prefix (they reach messages). */
function schemaOf(file: string, sample: { names: string[]; rows: string[][] }): SourceSchema {
  const columns = sample.names.map((name, k) => {
    const column = inferColumn(
      name,
      sample.rows.map((r) => r[k] ?? ''),
    );
    return { ...column, samples: column.samples.map((s) => prefix(s)) };
  });
  return { path: file, columns, sampledRows: sample.rows.length };
}

export async function readSchema(path: string, options: SchemaOptions): Promise<SourceSchema> {
  const file = resolveSourcePath(path, options.baseDir);
  await checkedFile(file);
  const limit = options.sampleRows ?? 50;
  if (isDelimited(options.format)) {
    const { bytes, complete } = await readHead(file, HEAD_BYTES);
    return schemaOf(file, delimitedSample(file, bytes, complete, options, limit));
  }
  if (options.format === 'json') {
    const { bytes, complete } = await readHead(file, HEAD_BYTES);
    return schemaOf(file, tableSample(jsonSample(bytes.toString('utf8'), complete, file), limit));
  }
  const table = options.format === 'parquet' ? await parquetTable(file, undefined, limit) : await arrowTable(file);
  return schemaOf(file, tableSample(table, limit));
}

/**
 * readSchema for callers that must answer synchronously (the language server's checker).
 * Parquet columns come from the footer alone: names and stored types, no samples.
 */
export function readSchemaSync(path: string, options: SchemaOptions): SourceSchema {
  const file = resolveSourcePath(path, options.baseDir);
  checkedFileSync(file);
  const limit = options.sampleRows ?? 50;
  if (isDelimited(options.format)) {
    const { bytes, complete } = readHeadSync(file, HEAD_BYTES);
    return schemaOf(file, delimitedSample(file, bytes, complete, options, limit));
  }
  if (options.format === 'json') {
    const { bytes, complete } = readHeadSync(file, HEAD_BYTES);
    return schemaOf(file, tableSample(jsonSample(bytes.toString('utf8'), complete, file), limit));
  }
  if (options.format === 'parquet')
    return { path: file, columns: parquetColumnsSync(file).map((c) => ({ ...c, samples: [] })), sampledRows: 0 };
  return schemaOf(file, tableSample(arrowTableFromBytes(readFileSync(file)), limit));
}
