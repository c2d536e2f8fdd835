// JSON sources: an array of records, or newline-delimited JSON (one record per line). The
// whole file is parsed (JSON has no cheap streaming form in Node); records become columns
// by key, and the union of the first records' keys names the columns.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataError } from '../errors';
import type { DecodedTable } from './value-columns';

type Row = Record<string, unknown>;

function parseLines(text: string, path: string): { records: Row[]; lines: number[] } {
  const records: Row[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      records.push(JSON.parse(line));
    } catch (err) {
      throw new DataError(`"${basename(path)}" line ${k + 1} is not valid JSON: ${(err as Error).message}.`);
    }
    lines.push(k + 1);
  });
  return { records, lines };
}

export function parseJsonRecords(text: string, path: string): { records: Row[]; lines: number[] | null } {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body.startsWith('[')) return parseLines(body, path);
  try {
    return { records: JSON.parse(body), lines: null };
  } catch (err) {
    throw new DataError(`"${basename(path)}" is not valid JSON (an array of objects, or one object per line): ${(err as Error).message}.`);
  }
}

export function recordsTable(records: Row[], lines: number[] | null): DecodedTable {
  const names = [...new Set(records.slice(0, 100).flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))];
  return {
    names,
    rows: records.length,
    column: (name) => records.map((r) => r?.[name]),
    rowText: (i) => JSON.stringify(records[i]),
    line: (i) => (lines ? lines[i] : i + 1),
  };
}

export async function jsonTable(path: string): Promise<DecodedTable> {
  const { records, lines } = parseJsonRecords(await readFile(path, 'utf8'), path);
  if (!Array.isArray(records)) throw new DataError(`"${basename(path)}" is not an array of records.`);
  return recordsTable(records, lines);
}
