// One reader per requested column: parses a field's bytes in place into the column's typed
// storage at a row index, or returns why it cannot (the row is then rejected). Only ids that
// are new and text columns make strings.
import { ESCAPED } from './csv-scanner';
import { dateParser, type DateParser } from './date-parser';
import { DataError } from './errors';
import { GrowableFloat64, GrowableInt32 } from './growable';
import { IdInterner } from './id-interner';
import { parseNumber } from './number-parser';
import type { ColumnRequest, ColumnValues } from './types';

export interface ColumnReader {
  readonly request: ColumnRequest;
  /** Field index in the record. */
  readonly index: number;
  /** Reads bytes[s, e) (field flags from the scanner) into `row`; a reject reason, or null. */
  read(bytes: Buffer, s: number, e: number, flags: number, row: number): string | null;
  result(rows: number): ColumnValues;
}

/** A field's text: quoted fields with `""` escapes get their quotes back. */
export function fieldText(bytes: Buffer, s: number, e: number, flags: number): string {
  const text = bytes.toString('utf8', s, e);
  return flags & ESCAPED ? text.replaceAll('""', '"') : text;
}

export function dateReason(name: string, format: string | undefined): string {
  return `malformed date in ${name} (expected ${format && format.toUpperCase() !== 'ISO' ? format : 'ISO YYYY-MM-DD'})`;
}

export function requireDateParser(request: ColumnRequest): DateParser {
  const parser = dateParser(request.dateFormat);
  if (typeof parser === 'string') throw new DataError(`Cannot read the column "${request.name}": ${parser}.`);
  return parser;
}

export function columnReader(request: ColumnRequest, index: number, capacity: number): ColumnReader {
  const { name, kind } = request;
  if (kind === 'id') {
    const codes = new GrowableInt32(capacity);
    const interner = new IdInterner();
    const empty = `missing ${name}`;
    // Made once, not per row: `current` is the buffer being read when a new id needs its string.
    let current: Buffer;
    const decode = (a: number, b: number) => current.toString('utf8', a, b);
    return {
      request,
      index,
      read(bytes, s, e, flags, row) {
        if (s === e) return empty;
        current = bytes;
        codes.set(
          row,
          flags & ESCAPED ? interner.codeOfText(fieldText(bytes, s, e, flags)) : interner.codeOf(bytes, s, e, decode),
        );
        return null;
      },
      result: (rows) => ({ kind, codes: codes.result(rows), ids: interner.ids }),
    };
  }
  if (kind === 'text') {
    const values: string[] = [];
    return {
      request,
      index,
      read(bytes, s, e, flags, row) {
        values[row] = fieldText(bytes, s, e, flags).trim();
        return null;
      },
      result: (rows) => ({ kind, values: values.slice(0, rows) }),
    };
  }
  const values = new GrowableFloat64(capacity);
  if (kind === 'date') {
    const parse = requireDateParser(request);
    const reason = dateReason(name, request.dateFormat);
    return {
      request,
      index,
      read(bytes, s, e, _flags, row) {
        const d = parse(bytes, s, e);
        if (d !== d) return reason; // NaN
        values.set(row, d);
        return null;
      },
      result: (rows) => ({ kind, values: values.result(rows) }),
    };
  }
  const reason = `non-numeric ${name}`;
  // The slow path's text, made without a per-row closure.
  let current: Buffer;
  let currentFlags = 0;
  const text = (a: number, b: number) => fieldText(current, a, b, currentFlags);
  return {
    request,
    index,
    read(bytes, s, e, flags, row) {
      current = bytes;
      currentFlags = flags;
      const v = parseNumber(bytes, s, e, text);
      if (v !== v) return reason;
      values.set(row, v);
      return null;
    },
    result: (rows) => ({ kind, values: values.result(rows) }),
  };
}
