// The notebook runner: checks the notebook, plans which statements must run, serves
// unchanged ones from the cache, evaluates the rest in dependency order, and folds
// statement outcomes into per-cell results. Failures stop at their dependents; interrupts
// stop the run and leave it ready for the next one. It is generic over how one statement
// is evaluated (kernel.ts plugs in the real evaluators), which keeps scheduling, caching
// and failure handling testable on their own.
import { resolve } from 'node:path';
import { checkProgram, type ProgramResult } from '../language';
import type {
  CellError,
  CellInput,
  CellResult,
  DefinitionInfo,
  ExportResult,
  KernelApi,
  KernelOptions,
  RunHooks,
  RunRequest,
} from './api';
import { ResultCache } from './cache';
import { errorOutput, evaluationError } from './diagnostics';
import {
  customersOf,
  EvaluationError,
  type Computed,
  type CustomerTable,
  type EvalContext,
  type StatementOutcome,
} from './evaluate/context';
import { exportSegments } from './evaluate/export';
import { notebookReadFiles, refuseReadFiles, type ReadFile } from '../files/write-policy';
import { WARNING_PREFIX, type OutputItem, type TablePayload, type TableSort } from './output-types';
import { buildPlan, cellsToRun, type Plan, type PlannedStatement } from './plan';
import { SortedViews } from './sorted-views';
import { Abandoned } from '../models/pulse';
import { tablePage } from './table-payload';

export interface Kernel extends KernelApi {
  /** The per-customer table of a computed value, segments or table definition (Arquero). */
  customerTable(name: string): CustomerTable | undefined;
  /** The computed result of any definition of the last run, by name. */
  computed(name: string): Computed | undefined;
}

/** Evaluates one statement (see evaluate/index.ts). */
export type Evaluator = (ctx: EvalContext) => Promise<StatementOutcome>;

type NodeState =
  | { state: 'ok'; outcome: StatementOutcome; cached: boolean; ms: number }
  | { state: 'failed' | 'skipped' | 'interrupted'; error: CellError; outputs: OutputItem[]; ms: number };

// How often progress is forwarded: enough for a smooth bar, few enough not to flood a worker channel.
const PROGRESS_INTERVAL_MS = 100;

export class NotebookRunner implements Kernel {
  private readonly cache = new ResultCache<StatementOutcome>();
  private program: ProgramResult | null = null;
  private plan: Plan | null = null;
  private states = new Map<string, NodeState>();
  private readonly sortedViews = new SortedViews();

  constructor(
    private readonly options: KernelOptions,
    private readonly evaluate: Evaluator,
  ) {}

  async run(cells: CellInput[], request: RunRequest = {}, hooks: RunHooks = {}): Promise<Map<string, CellResult>> {
    const program = checkProgram(cells);
    const plan = buildPlan(program, this.options.notebookDir);
    this.program = program;
    this.plan = plan;
    // Results of definitions that no longer exist (or changed) are dropped here.
    this.cache.retain(new Set(plan.nodes.map((n) => n.key)));
    const previous = this.states;
    this.states = new Map(
      [...previous].filter(
        ([id, s]) => plan.byId.has(id) && s.state === 'ok' && this.cache.get(plan.byId.get(id)!.key) === s.outcome,
      ),
    );

    const requested = request.cellIds ?? cells.map((c) => c.id);
    const { cells: runCells, order } = cellsToRun(plan, requested, (key) => this.cache.get(key) !== undefined);
    const results = new Map<string, CellResult>();
    const remaining = new Map<string, number>();
    const started = new Set<string>();
    for (const cellId of program.cells.map((c) => c.id).filter((id) => runCells.has(id))) {
      remaining.set(cellId, plan.cellStatements.get(cellId)!.length);
    }
    const finishCell = (cellId: string) => {
      const result = this.cellResult(cellId);
      results.set(cellId, result);
      hooks.onCellDone?.(cellId, result);
    };
    const startCell = (cellId: string) => {
      if (started.has(cellId)) return;
      started.add(cellId);
      hooks.onCellStart?.(cellId);
    };
    // Cells with nothing to evaluate (empty, or errors that produced no statement) finish at once.
    for (const [cellId, count] of remaining) {
      if (count === 0) {
        startCell(cellId);
        finishCell(cellId);
      }
    }

    for (const id of order) {
      const node = plan.byId.get(id)!;
      if (!runCells.has(node.cellId)) {
        // A dependency outside the run is cached (else its cell would have joined the run).
        this.states.set(id, { state: 'ok', outcome: this.cache.get(node.key)!, cached: true, ms: 0 });
        continue;
      }
      startCell(node.cellId);
      hooks.pollInterrupt?.();
      await yieldToEventLoop(); // lets an interrupt message in between statements
      this.states.set(id, await this.runStatement(node, plan, hooks));
      const left = remaining.get(node.cellId)! - 1;
      remaining.set(node.cellId, left);
      if (left === 0) finishCell(node.cellId);
    }
    return results;
  }

  private async runStatement(node: PlannedStatement, plan: Plan, hooks: RunHooks): Promise<NodeState> {
    if (node.blocked)
      return { state: 'failed', error: node.blocked, outputs: [errorOutput(node.blocked, 'CheckError')], ms: 0 };
    const upstream = this.failedUpstream(node, plan);
    if (upstream) return upstream;
    if (hooks.signal?.aborted)
      return interrupted(node.cellId, 'Interrupted: the run was stopped before this cell ran.');
    const cached = this.cache.get(node.key);
    if (cached) return { state: 'ok', outcome: cached, cached: true, ms: 0 };

    const cellText = this.program!.cell(node.cellId)!.text;
    const signal = hooks.signal ?? new AbortController().signal;
    let lastProgress = 0;
    const ctx: EvalContext = {
      info: node.info,
      statement: node.info.statement,
      cellText,
      notebookDir: this.options.notebookDir,
      readFiles: () => this.readFiles(),
      signal,
      progress: (fraction, message) => {
        hooks.pollInterrupt?.();
        const now = Date.now();
        if (now - lastProgress < PROGRESS_INTERVAL_MS && fraction < 1) return;
        lastProgress = now;
        hooks.onProgress?.(node.cellId, fraction, message);
      },
      checkpoint: (fraction, message) => {
        ctx.progress(fraction, message);
        if (signal.aborted) throw new EvaluationError('Interrupted.');
      },
      pulse: () => {
        hooks.pollInterrupt?.();
        if (signal.aborted) throw new Abandoned();
      },
      input: (name) => {
        const s = this.states.get(name);
        if (s?.state !== 'ok') throw new Error(`kernel: input "${name}" of ${logName(node, cellText)} is not computed`);
        return s.outcome.value;
      },
      log: (message) => this.options.log?.(message),
    };
    // Every statement says what runs, before any progress of its own: a host shows it in the cell.
    hooks.onProgress?.(node.cellId, 0, statementLabel(cellText, node.info.statement));
    const start = performance.now();
    try {
      const outcome = await this.evaluate(ctx);
      const ms = performance.now() - start;
      this.cache.set(node.key, outcome);
      this.options.log?.(`${logName(node, cellText)}: computed in ${ms.toFixed(1)} ms`);
      return { state: 'ok', outcome, cached: false, ms };
    } catch (err) {
      const ms = performance.now() - start;
      if (signal.aborted) return interrupted(node.cellId, 'Interrupted: the run was stopped while this cell ran.', ms);
      const range = err instanceof EvaluationError ? (err.range ?? node.info.statement) : node.info.statement;
      const message =
        err instanceof EvaluationError ? err.message : `Internal error in the kernel: ${(err as Error).message}`;
      if (!(err instanceof EvaluationError))
        this.options.log?.(`${logName(node, cellText)}: ${(err as Error).stack ?? String(err)}`);
      const error = evaluationError(node.cellId, cellText, message, range);
      return { state: 'failed', error, outputs: [errorOutput(error)], ms };
    }
  }

  /** A "not run" state when something this statement reads did not compute. */
  private failedUpstream(node: PlannedStatement, plan: Plan): NodeState | undefined {
    for (const dep of node.deps) {
      const s = this.states.get(dep);
      if (!s || s.state === 'ok') continue;
      if (s.state === 'interrupted')
        return interrupted(node.cellId, 'Interrupted: the run was stopped before this cell ran.');
      // A skipped input passes on its own message, so the root failure is named, not the nearest link.
      const upstream = plan.byId.get(dep)!;
      const error: CellError =
        s.state === 'skipped'
          ? s.error
          : {
              message: `Not run: it needs "${dep}" (cell ${upstream.cellNumber}), which failed.`,
              cellId: upstream.cellId,
            };
      return { state: 'skipped', error, outputs: [], ms: 0 };
    }
    return undefined;
  }

  private cellResult(cellId: string): CellResult {
    const plan = this.plan!;
    const cellError = plan.cellErrors.get(cellId);
    const nodes = plan.cellStatements.get(cellId)!;
    if (cellError && nodes.length === 0)
      return {
        status: 'error',
        outputs: [errorOutput(cellError, 'CheckError')],
        error: cellError,
        ms: 0,
        cached: false,
      };
    const states = nodes.map((n) => this.states.get(n.id)!);
    const outputs = states.flatMap((s) => (s.state === 'ok' ? s.outcome.outputs : s.outputs));
    const ms = states.reduce((t, s) => t + s.ms, 0);
    const cached = states.every((s) => s.state === 'ok' && s.cached);
    const bad =
      states.find((s) => s.state === 'failed') ??
      states.find((s) => s.state === 'interrupted') ??
      states.find((s) => s.state === 'skipped');
    if (!bad || bad.state === 'ok') return { status: 'ok', outputs: warningsFirst(outputs), ms, cached };
    // A cell with check errors shows its diagnostics once, not once per statement.
    if (cellError)
      return { status: 'error', outputs: [errorOutput(cellError, 'CheckError')], error: cellError, ms, cached: false };
    // One message per cell: what its finished statements showed, then the first problem alone
    // (not one "Not run" per statement after it), as an error bundle hosts show as it is.
    const done = states.flatMap((s) => (s.state === 'ok' ? s.outcome.outputs : []));
    const status = bad.state === 'failed' ? 'error' : bad.state;
    const problem = problemOutput(bad.error, bad.state);
    return { status, outputs: [...done, problem], error: bad.error, ms, cached: false };
  }

  async definitions(): Promise<DefinitionInfo[]> {
    if (!this.program || !this.plan) return [];
    const out: DefinitionInfo[] = [];
    for (const [name, defs] of this.program.definitions) {
      const def = defs[0];
      const node = this.plan.byId.get(name);
      const s = this.states.get(name);
      const state =
        s?.state === 'ok' && node && this.cache.get(node.key) ? 'fresh' : s && s.state !== 'ok' ? 'failed' : 'stale';
      out.push({ name, kind: def.kind, cellId: def.cellId, dependsOn: def.dependencies, state });
    }
    return out;
  }

  computed(name: string): Computed | undefined {
    const s = this.states.get(name);
    return s?.state === 'ok' ? s.outcome.value : undefined;
  }

  customerTable(name: string): CustomerTable | undefined {
    return customersOf(this.computed(name));
  }

  async tablePage(name: string, offset: number, limit: number, sort?: TableSort): Promise<TablePayload> {
    const value = this.computed(name);
    const customers = customersOf(value);
    if (!customers) throw new Error(`"${name}" has no per-customer table; run its cell first.`);
    const columns = value?.kind === 'table' ? value.columns : [...customers.columns.values()];
    const title = value?.kind === 'table' ? value.title : name;
    if (sort && !columns.some((c) => c.name === sort.column))
      throw new Error(`"${name}" has no column "${sort.column}" to sort by.`);
    const table = sort ? this.sortedViews.get(customers.table, sort) : customers.table;
    return { ...tablePage(table, columns, offset, limit, title), source: name, ...(sort ? { sort } : {}) };
  }

  async exportSegments(name: string, path: string, labels?: string[]): Promise<ExportResult> {
    const value = this.computed(name);
    if (value?.kind !== 'segments')
      throw new Error(`"${name}" is not a computed segments definition; run its cell first.`);
    const known = value.payload.segments.map((s) => s.name);
    const unknown = (labels ?? []).filter((l) => !known.includes(l));
    if (unknown.length)
      throw new Error(`"${name}" has no segment ${unknown.map((l) => JSON.stringify(l)).join(', ')}.`);
    // The editor's command: the user chose the path, which may be anywhere but on what the notebook reads.
    const target = resolve(this.options.notebookDir, path);
    refuseReadFiles(target, this.readFiles(), path);
    return exportSegments(labels ? membersOf(value.customers, labels) : value.customers, target);
  }

  private readFiles(): ReadFile[] {
    const statements = this.program?.cells.flatMap((c) => c.parse.statements) ?? [];
    return notebookReadFiles(statements, this.options.notebookDir);
  }

  async dispose(): Promise<void> {
    this.cache.clear();
    this.states.clear();
  }
}

/** A warning (a fit that did not converge) cannot be missed: it moves to the top of its cell. */
function warningsFirst(outputs: OutputItem[]): OutputItem[] {
  const warns = (o: OutputItem) => o.data['text/plain'].startsWith(WARNING_PREFIX);
  return [...outputs.filter(warns), ...outputs.filter((o) => !warns(o))];
}

/** The customers of a segments table in the segments `labels`, in the table's order. */
function membersOf(customers: CustomerTable, labels: string[]): CustomerTable {
  const wanted = new Set(labels);
  const segment = customers.table.array('segment') as string[];
  const rows: number[] = [];
  for (let i = 0; i < segment.length; i++) if (wanted.has(segment[i])) rows.push(i);
  return { ...customers, table: customers.table.reify(rows) };
}

/**
 * The cell's one error bundle. Editors show "NAME: MESSAGE", so a "Not run: …" or
 * "Interrupted: …" message is split at its prefix rather than shown as "Skipped: Not run: …".
 */
function problemOutput(error: CellError, state: 'failed' | 'skipped' | 'interrupted'): OutputItem {
  const prefixed = /^(Not run|Interrupted): (.*)$/s.exec(error.message);
  if (state === 'failed' || !prefixed) return errorOutput(error);
  const bundle = errorOutput({ ...error, message: prefixed[2] }, prefixed[1]);
  return { data: { ...bundle.data, 'text/plain': error.message } };
}

/** The first line of a statement as written ("model purchases = bgnbd(cal)"), for progress. */
function statementLabel(cellText: string, statement: { start: number; end: number }): string {
  const text = cellText.slice(statement.start, statement.end);
  const line = text.split('\n', 1)[0].replace(/\s*\{\s*$/, '');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** A statement as the log names it, "cell 3 (tiers)": cell ids are editor URIs, which say nothing to a reader. */
function logName(node: PlannedStatement, cellText: string): string {
  return `cell ${node.cellNumber} (${node.info.defines ?? statementLabel(cellText, node.info.statement)})`;
}

function interrupted(cellId: string, message: string, ms = 0): NodeState {
  return { state: 'interrupted', error: { message, cellId }, outputs: [], ms };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
