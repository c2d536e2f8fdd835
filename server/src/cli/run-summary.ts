// The terminal summary of `clvnb run`: one header line per code cell with its status and
// time, then the `text/plain` of each output; errors as `file:line:col: error: message` so
// editors and CI jump to them.
import type { CellResult } from '../kernel/api';
import { MIME } from '../kernel/output-types';
import type { LocatedDiagnostic } from './diagnostics';
import { fileLocation, type LoadedCell, type LoadedNotebook } from './notebook-io';

const indent = (text: string) => text.replace(/^/gm, '  ');

/**
 * The kernel prefixes evaluation errors with the cell-relative `line:col` for its own
 * front ends; the command line prints the file position instead, so drop that prefix.
 */
const withoutCellPosition = (message: string) => message.replace(/^\d+:\d+\s+/, '');

/** Where a cell's failure is, as lines: its own check errors, else the kernel's error. */
export function errorLines(
  notebook: LoadedNotebook,
  cell: LoadedCell,
  result: CellResult,
  diagnostics: LocatedDiagnostic[],
): string[] {
  const checkErrors = diagnostics.filter((d) => d.cellId === cell.id && d.severity === 'error');
  if (checkErrors.length) return checkErrors.map((d) => d.text);
  const error = result.error!;
  const position = error.range?.start ?? { line: 0, character: 0 };
  return [`${fileLocation(notebook, cell, position)}: error: ${withoutCellPosition(error.message)}`];
}

export function cellSummary(
  notebook: LoadedNotebook,
  cell: LoadedCell,
  result: CellResult | undefined,
  diagnostics: LocatedDiagnostic[],
): string {
  const head = `cell ${cell.codeNumber} (line ${cell.firstLine + 1})`;
  if (!result) return `${head}: not run`;
  const time = result.cached ? 'cached' : `${Math.round(result.ms)} ms`;
  if (result.status === 'ok')
    return [`${head}: ok, ${time}`, ...result.outputs.map((o) => indent(o.data[MIME.text]))].join('\n');
  if (result.status === 'error') {
    // The error bundle's place among the outputs (statement order) gets the located error lines.
    const errors = errorLines(notebook, cell, result, diagnostics).map(indent);
    const lines = result.outputs.flatMap((o) =>
      MIME.error in o.data ? errors.splice(0) : [indent(o.data[MIME.text])],
    );
    return [`${head}: error`, ...lines, ...errors].join('\n');
  }
  return `${head}: ${result.status}: ${result.error?.message ?? ''}`.trimEnd();
}
