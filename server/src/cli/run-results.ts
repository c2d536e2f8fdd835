// The `--json` file of `clvnb run`: every code cell's status, timing, located error and full
// outputs (MIME bundles with raw numbers), for scripts and CI to assert on.
import type { CellResult } from '../kernel/api';
import type { OutputItem } from '../kernel/output-types';
import type { LocatedDiagnostic } from './diagnostics';
import type { LoadedNotebook } from './notebook-io';
import { isClvCell } from './notebook-io';
import { errorLines } from './run-summary';

export interface CellRecord {
  /** 1-based among code cells. */
  cell: number;
  /** 1-based line of the cell's first source line in the notebook file. */
  line: number;
  status: CellResult['status'] | 'not run';
  ms: number;
  cached: boolean;
  outputs: OutputItem[];
  /** `file:line:col: error: message` lines when the cell failed. */
  errors?: string[];
  /** Why it did not run (skipped or interrupted). */
  reason?: string;
}

export interface RunResults {
  notebook: string;
  ok: boolean;
  diagnostics: Omit<LocatedDiagnostic, 'cellId' | 'text'>[];
  cells: CellRecord[];
}

export function runResults(
  notebook: LoadedNotebook,
  results: ReadonlyMap<string, CellResult>,
  diagnostics: LocatedDiagnostic[],
): RunResults {
  const cells = notebook.cells.filter(isClvCell).map((cell): CellRecord => {
    const result = results.get(cell.id);
    const base = { cell: cell.codeNumber, line: cell.firstLine + 1 };
    if (!result) return { ...base, status: 'not run', ms: 0, cached: false, outputs: [] };
    return {
      ...base,
      status: result.status,
      ms: Math.round(result.ms),
      cached: result.cached,
      outputs: result.outputs,
      ...(result.status === 'error' ? { errors: errorLines(notebook, cell, result, diagnostics) } : {}),
      ...(result.status === 'skipped' || result.status === 'interrupted' ? { reason: result.error?.message } : {}),
    };
  });
  return {
    notebook: notebook.path,
    ok: cells.every((c) => c.status === 'ok'),
    diagnostics: diagnostics.map(({ line, column, severity, message }) => ({ line, column, severity, message })),
    cells,
  };
}
