// JSON sources: an array of records, or newline-delimited JSON (one record per line). An
// array is parsed whole (JSON has no cheap streaming form in Node); a load of JSON lines
// streams (json-lines.ts), and this whole-text reading serves samples and headers. Records
// become columns by key, and the union of the first records' keys names the columns. A line
// of JSON lines that does not parse is a rejected row, counted and shown with its line like a
// junk row of a CSV file; an array that does not parse fails the file, since no record can be
// told apart.
import { basename } from 'node:path';
import { DataError } from '../errors';
import { readWhole } from '../file-chunks';
import { REJECT_REASONS } from '../policy';
import type { DecodedTable } from './value-columns';

export type Row = Record<string, unknown>;

/** How many records' keys name the columns. */
export const NAMES_FROM_RECORDS = 100;

/** The record on one line of JSON lines, or undefined when the line does not parse. */
export function recordOf(line: string): Row | undefined {
  try {
    return JSON.parse(line) as Row;
  } catch {
    return undefined;
  }
}

/** Adds a record's keys to `names` (a line may hold a value that is not an object). */
export function addKeys(names: Set<string>, record: unknown): void {
  if (record && typeof record === 'object') for (const key of Object.keys(record)) names.add(key);
}

export interface JsonRecords {
  records: Row[];
  /** The file line of each record (JSON lines), or null for an array. */
  lines: number[] | null;
  /** Records (by index) whose line does not parse, with the line's text. */
  invalid: Map<number, string>;
}

function parseLines(text: string): JsonRecords {
  const records: Row[] = [];
  const lines: number[] = [];
  const invalid = new Map<number, string>();
  text.split('\n').forEach((raw, k) => {
    const line = raw.trim();
    if (line === '') return;
    const record = recordOf(line);
    if (record === undefined) invalid.set(records.length, line);
    records.push(record ?? {});
    lines.push(k + 1);
  });
  return { records, lines, invalid };
}

/** The records of a JSON array (no lines, nothing invalid: an array parses whole or not at all). */
export function arrayRecords(records: Row[]): JsonRecords {
  return { records, lines: null, invalid: new Map() };
}

export function parseJsonRecords(text: string, path: string): JsonRecords {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body.startsWith('[')) return parseLines(body);
  try {
    return arrayRecords(JSON.parse(body) as Row[]);
  } catch (err) {
    throw new DataError(
      `"${basename(path)}" is not valid JSON (an array of objects, or one object per line): ${(err as Error).message}.`,
    );
  }
}

export function recordsTable({ records, lines, invalid }: JsonRecords): DecodedTable {
  const names = new Set<string>();
  for (const record of records.slice(0, NAMES_FROM_RECORDS)) addKeys(names, record);
  return {
    names: [...names],
    rows: records.length,
    column: (name) => records.map((r) => r?.[name]),
    rowText: (i) => invalid.get(i) ?? JSON.stringify(records[i]),
    line: (i) => (lines ? lines[i] : i + 1),
    problem: (i) => (invalid.has(i) ? REJECT_REASONS.notJson : null),
  };
}

export async function jsonTable(path: string): Promise<DecodedTable> {
  const parsed = parseJsonRecords((await readWhole(path)).toString('utf8'), path);
  if (!Array.isArray(parsed.records)) throw new DataError(`"${basename(path)}" is not an array of records.`);
  return recordsTable(parsed);
}
