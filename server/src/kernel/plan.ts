// The run plan: every statement of the checked notebook as a graph node with a content key,
// and the set of cells a run must execute. The key of a statement hashes its syntax tree
// (ranges dropped, so moving or re-indenting it changes nothing), the keys of what it reads,
// and for a source the data file's fingerprint.
import { resolve } from 'node:path';
import { dependenciesFirst, fingerprint, type ProgramResult, type Statement, type StatementInfo } from '../language';
import type { CellError } from './api';
import { contentKey, fileFingerprint } from './cache';
import { diagnosticsError } from './diagnostics';
import { frozenFitPath } from '../files/write-policy';

/** A statement of the notebook as a node of the run: its edges are the names it reads. */
export interface PlannedStatement {
  /** The name it defines (its first definition), else `cellId#index`. */
  id: string;
  /** Ids of the nodes this one reads; none for a blocked statement. */
  deps: string[];
  info: StatementInfo;
  cellId: string;
  /** 1-based position of the cell in the notebook, for messages ("cell 3"). */
  cellNumber: number;
  key: string;
  /** Set when the statement cannot run at all (its cell has errors, or it is on a cycle). */
  blocked?: CellError;
}

export interface Plan {
  nodes: PlannedStatement[];
  byId: Map<string, PlannedStatement>;
  /** Statements per cell, in the cell's order. */
  cellStatements: Map<string, PlannedStatement[]>;
  /** Cells whose parse/check errors keep them from running. */
  cellErrors: Map<string, CellError>;
}

/**
 * Absolute path of a source's data file, of a connection's DuckDB database file, or of the
 * saved fit a `frozen` model reads (relative paths are relative to the notebook); a table or
 * query source has none. A connection that reaches a server by URL has no file either: its
 * results stay cached until the text changes or the kernel restarts.
 */
export function sourceFile(notebookDir: string, statement: Statement): string | undefined {
  if (statement.kind === 'Source' && statement.path && !statement.connection)
    return resolve(notebookDir, statement.path.value);
  if (statement.kind === 'Connection' && statement.target && !statement.via)
    return resolve(notebookDir, statement.target.value);
  const frozen = statement.kind === 'Model' ? frozenFitPath(statement) : undefined;
  return frozen === undefined ? undefined : resolve(notebookDir, frozen);
}

export function buildPlan(program: ProgramResult, notebookDir: string): Plan {
  const cellErrors = new Map<string, CellError>();
  const cellNumber = new Map<string, number>();
  program.cells.forEach((cell, i) => {
    cellNumber.set(cell.id, i + 1);
    const errors = cell.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) cellErrors.set(cell.id, diagnosticsError(cell.id, cell.text, errors));
  });

  const nodes: PlannedStatement[] = [];
  const byId = new Map<string, PlannedStatement>();
  const keyOf = new Map<string, string>();
  const add = (info: StatementInfo, blocked?: CellError) => {
    const index = program.cell(info.cellId)!.parse.statements.indexOf(info.statement);
    const firstDefinition = info.defines ? program.lookup(info.defines)?.statement === info.statement : false;
    const id = info.defines && firstDefinition ? info.defines : `${info.cellId}#${index}`;
    const file = sourceFile(notebookDir, info.statement);
    // runOrder lists dependencies first, so their keys are known when we get here.
    const key = contentKey([
      fingerprint(info.statement),
      ...info.dependencies.map((d) => `${d}=${keyOf.get(d) ?? '?'}`),
      file ? fileFingerprint(file) : '',
    ]);
    keyOf.set(id, key);
    // A blocked statement never runs: dropping its edges keeps cycles out of the graph.
    const node: PlannedStatement = {
      id,
      deps: blocked ? [] : info.dependencies,
      info,
      cellId: info.cellId,
      cellNumber: cellNumber.get(info.cellId) ?? 0,
      key,
      blocked: blocked ?? cellErrors.get(info.cellId),
    };
    nodes.push(node);
    byId.set(id, node);
  };
  for (const info of program.runOrder) add(info);
  for (const info of program.blocked) {
    add(info, {
      message: `Not run: "${info.defines ?? info.statement.kind.toLowerCase()}" is part of (or depends on) a cycle of definitions.`,
      cellId: info.cellId,
    });
  }

  const cellStatements = new Map<string, PlannedStatement[]>();
  for (const cell of program.cells) cellStatements.set(cell.id, []);
  for (const node of nodes) cellStatements.get(node.cellId)!.push(node);
  for (const list of cellStatements.values()) {
    const statements = program.cell(list[0]?.cellId ?? '')?.parse.statements ?? [];
    list.sort((a, b) => statements.indexOf(a.info.statement) - statements.indexOf(b.info.statement));
  }
  return { nodes, byId, cellStatements, cellErrors };
}

/**
 * The cells to execute and the statements in order. Starts from the requested cells; any
 * other cell with a statement that must be (re)computed joins the run whole, so its outputs
 * always match its text.
 */
export function cellsToRun(
  plan: Plan,
  requested: string[],
  isCached: (key: string) => boolean,
): { cells: Set<string>; order: string[] } {
  const cells = new Set(requested.filter((id) => plan.cellStatements.has(id)));
  const position = new Map(plan.nodes.map((n, i) => [n, i]));
  // Only defined names are nodes (the checker reports the rest), and a blocked statement has no
  // edges, so the walk meets no cycle.
  const reads = (id: string) => plan.byId.get(id)!.deps.filter((dep) => plan.byId.has(dep));
  for (;;) {
    const targets = [...cells]
      .flatMap((c) => plan.cellStatements.get(c)!)
      .sort((a, b) => position.get(a)! - position.get(b)!)
      .map((n) => n.id);
    const order = dependenciesFirst(targets, reads);
    const joining = order
      .map((id) => plan.byId.get(id)!)
      .filter((n) => !cells.has(n.cellId) && (!isCached(n.key) || n.blocked));
    if (joining.length === 0) return { cells, order };
    for (const n of joining) cells.add(n.cellId);
  }
}
