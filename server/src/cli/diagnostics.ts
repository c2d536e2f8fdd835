// Checking a loaded notebook with the language core, and printing its diagnostics as
// `file:line:col: severity: message`, the format editors and CI annotators recognise.
import { checkProgram, type CheckOptions, type ProgramResult, type Severity } from '../language';
import { fileLocation, isClvCell, type LoadedNotebook } from './notebook-io';

export interface LocatedDiagnostic {
  cellId: string;
  /** 1-based line and column in the notebook file. */
  line: number;
  column: number;
  severity: Severity;
  message: string;
  text: string;
}

export function checkNotebook(notebook: LoadedNotebook, options: CheckOptions = {}): ProgramResult {
  return checkProgram(notebook.cells.filter(isClvCell).map((c) => ({ id: c.id, text: c.source })), options);
}

/** Every diagnostic of the program placed in the file, in file order. */
export function locateDiagnostics(notebook: LoadedNotebook, program: ProgramResult): LocatedDiagnostic[] {
  const byId = new Map(notebook.cells.map((c) => [c.id, c]));
  const located = program.diagnostics.map((d) => {
    const cell = byId.get(d.cellId)!;
    const position = program.cell(d.cellId)!.lines.positionAt(d.range.start);
    const location = fileLocation(notebook, cell, position);
    return {
      cellId: d.cellId,
      line: cell.firstLine + position.line + 1,
      column: position.character + 1,
      severity: d.severity,
      message: d.message,
      text: `${location}: ${d.severity}: ${d.message}`,
    };
  });
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}
