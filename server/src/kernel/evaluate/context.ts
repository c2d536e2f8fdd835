// What an evaluator gets (the statement's cell, its inputs, cancellation and progress) and
// what it returns (the value other statements read, and its outputs). Evaluators are pure
// functions of these: the orchestrator (kernel.ts) does caching, ordering and failures.
import type { ColumnTable } from 'arquero';
import type { Statement, StatementInfo, TimeUnit } from '../../language';
import type { ReadFile } from '../../files/write-policy';
import type { Pulse } from '../../models/pulse';
import type { TotalGroups } from '../models-port';
import type { OutputItem, SegmentsPayload, TableColumn } from '../output-types';

/** The per-customer table of a value or segments definition, and how to show its columns. */
export interface CustomerTable {
  table: ColumnTable;
  /** Column name → display format and unit, for every column of `table`. */
  columns: Map<string, TableColumn>;
  /** Time unit of duration metrics (recency, age). */
  unit: TimeUnit;
  /** The metric that measures value (clv for a lifetime value). */
  valueMetric: string;
  /** Bootstrap bounds of the value's total over groups of these customers (a value on a model with `intervals`). */
  valueIntervals?: { level: number; of(groups: TotalGroups): { low: number; high: number }[] };
}

/**
 * What a definition leaves for the statements that read it. Kinds follow the statement.
 * Sources, splits and models hold the data layer's and models library's own structures;
 * only their evaluators look inside (source.ts, split.ts, model.ts say what they hold), so
 * the runner and the per-customer evaluators stay independent of those libraries.
 */
export type Computed =
  | { kind: 'connection'; connection: unknown }
  | { kind: 'source'; source: unknown }
  | { kind: 'split'; split: unknown }
  | { kind: 'model'; model: unknown; customers?: CustomerTable }
  | { kind: 'value'; customers: CustomerTable; purchaseModel?: unknown }
  | { kind: 'segments'; customers: CustomerTable; payload: SegmentsPayload }
  | { kind: 'table'; customers: CustomerTable; columns: TableColumn[]; title: string }
  | { kind: 'none' };

/** The per-customer table of a computed definition, when it has one. */
export function customersOf(computed: Computed | undefined): CustomerTable | undefined {
  return computed && 'customers' in computed ? computed.customers : undefined;
}

export interface StatementOutcome {
  value: Computed;
  outputs: OutputItem[];
}

export interface EvalContext {
  info: StatementInfo;
  statement: Statement;
  /** Full text of the statement's cell (for rule text and error positions). */
  cellText: string;
  notebookDir: string;
  /** The data files the notebook's sources read: nothing may be written onto them. */
  readFiles(): ReadFile[];
  signal: AbortSignal;
  /** Progress of this statement, fraction in 0..1; also where an interrupt is noticed. */
  progress(fraction: number, message: string): void;
  /** For synchronous loops: reports progress and throws when the run was interrupted. */
  checkpoint(fraction: number, message: string): void;
  /**
   * For the innermost loops (a likelihood pass): throws `Abandoned` when the run was
   * interrupted. Cheap (no progress, no clock), so it can be called every few thousand items.
   */
  pulse: Pulse;
  /** The computed value of a dependency (always present: failed dependencies stop the run earlier). */
  input(name: string): Computed;
  log(message: string): void;
}

/** A problem in the notebook's input or data (not a kernel bug), with where it is. */
export class EvaluationError extends Error {
  /** Offsets in the cell's text, when the problem is in a part of the statement. */
  readonly range?: { start: number; end: number };

  constructor(
    message: string,
    /** Where the problem is: a node, a range, or nothing for the whole statement. */
    range?: { start: number; end: number } | null,
  ) {
    super(message);
    // Only the offsets are kept: the error must not hold on to a syntax node.
    if (range) this.range = { start: range.start, end: range.end };
  }
}
