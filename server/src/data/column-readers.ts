// One reader per requested column: parses a field's bytes in place into the column's typed
// storage at a row index, or returns why it cannot (the row is then rejected, for one of the
// policy's REJECT_REASONS). Only ids that are new and text columns make strings; a new id's
// bytes are checked to be UTF-8 once, when it is first seen.
import { ESCAPED, QUOTED } from './csv-scanner';
import { dateParser, type DateParser } from './date-parser';
import { DataError } from './errors';
import { GrowableFloat64, GrowableInt32 } from './growable';
import { IdInterner } from './id-interner';
import { numberReason, parseNumber } from './number-parser';
import { isoDays, REJECT_REASONS } from './policy';
import type { ColumnRequest, ColumnValues } from './types';

export interface ColumnReader {
  readonly request: ColumnRequest;
  /** Field index in the record. */
  readonly index: number;
  /** Reads bytes[s, e) (field flags from the scanner) into `row`; a reject reason, or null. */
  read(bytes: Buffer, s: number, e: number, flags: number, row: number): string | null;
  result(rows: number): ColumnValues;
  /** Id readers: the code of the last id read (the customer of a row a later column rejects). */
  lastCode?: number;
}

/** A field's text: quoted fields with `""` escapes get their quotes back. */
export function fieldText(bytes: Buffer, s: number, e: number, flags: number): string {
  const text = bytes.toString('utf8', s, e);
  return flags & ESCAPED ? text.replaceAll('""', '"') : text;
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
    const empty = REJECT_REASONS.missing(name);
    const notUtf8 = REJECT_REASONS.invalidUtf8(name);
    // Codes of ids whose bytes are not UTF-8 (null until there is one): their rows are rejected.
    let invalid: Uint8Array | null = null;
    // Made once, not per row: `current` is the buffer being read when a new id needs its string.
    let current: Buffer;
    const decode = (a: number, b: number) => {
      const text = current.toString('utf8', a, b);
      if (text.includes('\uFFFD') && !isUtf8(current.subarray(a, b))) {
        const code = interner.ids.length;
        if (invalid === null || code >= invalid.length) invalid = grownFlags(invalid, code);
        invalid[code] = 1;
      }
      return text;
    };
    return {
      request,
      index,
      lastCode: -1,
      read(bytes, s, e, flags, row) {
        this.lastCode = -1;
        if (s === e) return empty;
        current = bytes;
        let code: number;
        if (flags & ESCAPED) {
          const text = fieldText(bytes, s, e, flags).trim();
          if (text === '') return empty;
          code = interner.codeOfText(text);
        } else {
          // A quoted id keeps its inner spaces but not surrounding ones; all spaces is no id.
          if (flags & QUOTED) {
            while (s < e && bytes[s] === 32) s++;
            while (e > s && bytes[e - 1] === 32) e--;
            if (s === e) return empty;
          }
          code = interner.codeOf(bytes, s, e, decode);
        }
        if (invalid !== null && code < invalid.length && invalid[code] === 1) return notUtf8;
        codes.set(row, code);
        this.lastCode = code;
        return null;
      },
      result: (rows) => ({ kind, codes: codes.result(rows), ids: interner.ids, invalid }),
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
    const reason = REJECT_REASONS.malformedDate(name, request.dateFormat);
    const { earliest, latest, implausible } = dateBounds(request);
    return {
      request,
      index,
      read(bytes, s, e, _flags, row) {
        const d = parse(bytes, s, e);
        if (d !== d) return reason; // NaN
        if (d < earliest || d >= latest) return implausible;
        values.set(row, d);
        return null;
      },
      result: (rows) => ({ kind, values: values.result(rows) }),
    };
  }
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
      if (v - v !== 0) return numberReason(name, fieldText(bytes, s, e, flags)); // NaN or ±Infinity
      values.set(row, v);
      return null;
    },
    result: (rows) => ({ kind, values: values.result(rows) }),
  };
}

/** The date range a column accepts (days, latest exclusive) and the reason for a date outside it. */
export function dateBounds(request: ColumnRequest): { earliest: number; latest: number; implausible: string } {
  const range = request.plausible;
  if (!range) return { earliest: -Infinity, latest: Infinity, implausible: '' };
  return {
    earliest: isoDays(range.earliest),
    latest: isoDays(range.latest) + 1,
    implausible: REJECT_REASONS.implausibleDate(request.name, range.earliest, range.latest),
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function grownFlags(flags: Uint8Array | null, code: number): Uint8Array {
  const next = new Uint8Array(Math.max(64, (code + 1) * 2));
  if (flags) next.set(flags);
  return next;
}
