// Formats that decode to whole columns of JS values (JSON, Parquet, Arrow): the requested
// columns are turned into the same typed columns, with the same reject rules, as the
// delimited engine. Dates may arrive as Date objects, epoch milliseconds (Arrow, Parquet
// timestamps) or text in the declared format.
import { dateBounds, requireDateParser } from '../column-readers';
import { parseDateText } from '../date-parser';
import { interrupted } from '../file-chunks';
import { GrowableFloat64, GrowableInt32 } from '../growable';
import { IdInterner } from '../id-interner';
import { decimalNumber, numberReason } from '../number-parser';
import { REJECT_REASONS } from '../policy';
import { Rejects } from '../rejects';
import type { ColumnarResult, ColumnRequest, ColumnValues } from '../types';
import { missingColumn } from './delimited';

const MS_PER_DAY = 86_400_000;

export interface DecodedTable {
  names: string[];
  rows: number;
  column(name: string): ArrayLike<unknown>;
  /** The row as text for a reject example. */
  rowText(row: number): string;
  /** Line of the row in the file (JSON lines), else the 1-based row number. */
  line(row: number): number;
  /** Why the row cannot be read at all (a JSON line that does not parse), or null. */
  problem?(row: number): string | null;
}

type Cell = (value: unknown, row: number) => string | null;

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  // A nested JSON value reads as its JSON text, not "[object Object]".
  if (typeof v === 'object') return JSON.stringify(v);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects are handled above: a primitive here
  return String(v).trim();
}

function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return decimalNumber(v);
  return NaN;
}

interface CellReader {
  read: Cell;
  result: (n: number) => ColumnValues;
  /** Id readers: the code of the last id read, -1 when the last one was rejected. */
  lastCode?: number;
}

function cellReader(request: ColumnRequest, rows: number): CellReader {
  const { name, kind } = request;
  if (kind === 'id') {
    const codes = new GrowableInt32(rows);
    const interner = new IdInterner();
    const missing = REJECT_REASONS.missing(name);
    const notAnId = REJECT_REASONS.notAnId(name);
    const notUtf8 = REJECT_REASONS.invalidUtf8(name);
    const reader: CellReader = {
      lastCode: -1,
      read: (v, row) => {
        reader.lastCode = -1;
        if (typeof v === 'object' && v !== null && !(v instanceof Date)) return notAnId;
        const id = textOf(v);
        if (id === '') return missing;
        // Decoding replaced bytes that are not UTF-8 with U+FFFD: such ids would all collapse into one.
        if (id.includes('\uFFFD')) return notUtf8;
        const code = interner.codeOfText(id);
        codes.set(row, code);
        reader.lastCode = code;
        return null;
      },
      result: (n) => ({ kind, codes: codes.result(n), ids: interner.ids }),
    };
    return reader;
  }
  if (kind === 'text') {
    const values: string[] = [];
    return {
      read: (v, row) => ((values[row] = textOf(v)), null),
      result: (n) => ({ kind, values: values.slice(0, n) }),
    };
  }
  const values = new GrowableFloat64(rows);
  const result = (n: number): ColumnValues => ({ kind, values: values.result(n) });
  if (kind === 'date') {
    const parse = requireDateParser(request);
    const reason = REJECT_REASONS.malformedDate(name, request.dateFormat);
    const { earliest, latest, implausible } = dateBounds(request);
    return {
      read: (v, row) => {
        const d =
          v instanceof Date
            ? v.getTime() / MS_PER_DAY
            : typeof v === 'number' || typeof v === 'bigint'
              ? Number(v) / MS_PER_DAY
              : typeof v === 'string'
                ? parseDateText(parse, v)
                : NaN;
        if (!Number.isFinite(d)) return reason;
        if (d < earliest || d >= latest) return implausible;
        values.set(row, d);
        return null;
      },
      result,
    };
  }
  return {
    read: (v, row) => {
      const x = numberOf(v);
      if (!Number.isFinite(x))
        return typeof v === 'number' ? REJECT_REASONS.nonFinite(name) : numberReason(name, textOf(v));
      values.set(row, x);
      return null;
    },
    result,
  };
}

/**
 * The requested columns of records added one at a time (a decoded table's rows, or the
 * records of a streamed file), with the same reject rules as the delimited engine.
 */
export class ColumnarBuilder {
  private readonly readers: CellReader[];
  private readonly rejects = new Rejects();
  private rows = 0;
  private rowsRead = 0;

  constructor(
    private readonly requests: ColumnRequest[],
    expectedRows = 1024,
  ) {
    this.readers = requests.map((r) => cellReader(r, Math.max(1, expectedRows)));
  }

  /**
   * Adds a record: `value(j)` is its value for the j-th request; `problem`, a reason the
   * record cannot be read at all (a JSON line that does not parse).
   */
  add(value: (j: number) => unknown, line: number, text: () => string, problem: string | null = null): void {
    this.rowsRead++;
    let reason = problem;
    for (let j = 0; reason === null && j < this.readers.length; j++) reason = this.readers[j].read(value(j), this.rows);
    if (reason === null) this.rows++;
    else this.rejects.add(reason, line, text, this.readers[0]?.lastCode ?? -1);
  }

  result(names: string[]): ColumnarResult {
    const columns = new Map(this.requests.map((r, j) => [r.name, this.readers[j].result(this.rows)]));
    return {
      rowsRead: this.rowsRead,
      rows: this.rows,
      columns,
      rejected: this.rejects.list(),
      names,
      rejectedCustomers: this.rejects.customers,
    };
  }
}

/** How often (in rows) a conversion reports progress and looks for an interrupt. */
const ROWS_PER_CHECK = 1 << 16;

export function decodedToColumnar(
  table: DecodedTable,
  requests: ColumnRequest[],
  progress: { signal?: AbortSignal; onRows?: (done: number, rows: number) => void } = {},
): ColumnarResult {
  for (const r of requests) if (!table.names.includes(r.name)) throw missingColumn(r.name, table.names);
  const columns = requests.map((r) => table.column(r.name));
  const builder = new ColumnarBuilder(requests, table.rows);
  for (let i = 0; i < table.rows; i++) {
    if (i % ROWS_PER_CHECK === ROWS_PER_CHECK - 1) {
      // The callback is where a host that learns of interrupts synchronously sets the signal.
      progress.onRows?.(i + 1, table.rows);
      if (progress.signal?.aborted) throw interrupted();
    }
    builder.add(
      (j) => columns[j][i],
      table.line(i),
      () => table.rowText(i),
      table.problem?.(i) ?? null,
    );
  }
  return builder.result(table.names);
}
