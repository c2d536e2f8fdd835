// Checking a loaded notebook as the editor does (language core plus data-file checks), and
// placing each diagnostic in the notebook file as `file:line:col: severity: message`, the
// format editors and CI annotators recognise.
import { checkProgram, type CellDiagnostic, type Severity } from '../language';
import { notebookReadFiles } from '../files/write-policy';
import { fileLocation, isClvCell, type LoadedNotebook } from './notebook-io';
import { dataFileChecks } from './schemas';

export interface LocatedDiagnostic {
  cellId: string;
  /** 1-based line and column in the notebook file. */
  line: number;
  column: number;
  severity: Severity;
  message: string;
  text: string;
}

/** Every diagnostic of the notebook, placed in the file, in file order. */
export function checkNotebook(notebook: LoadedNotebook): LocatedDiagnostic[] {
  const data = dataFileChecks(notebook.dir);
  const program = checkProgram(
    notebook.cells.filter(isClvCell).map((c) => ({ id: c.id, text: c.source })),
    { schema: data.schema },
  );
  const reads = notebookReadFiles(
    program.cells.flatMap((c) => c.parse.statements),
    notebook.dir,
    notebook.path,
  );
  const all: CellDiagnostic[] = [
    ...program.diagnostics,
    ...program.cells.flatMap((c) => data.diagnostics(c.parse.statements, reads).map((d) => ({ ...d, cellId: c.id }))),
  ];
  const byId = new Map(notebook.cells.map((c) => [c.id, c]));
  const located = all.map((d) => {
    const cell = byId.get(d.cellId)!;
    const position = program.cell(d.cellId)!.lines.positionAt(d.range.start);
    return {
      cellId: d.cellId,
      line: cell.firstLine + position.line + 1,
      column: position.character + 1,
      severity: d.severity,
      message: d.message,
      text: `${fileLocation(notebook, cell, position)}: ${d.severity}: ${d.message}`,
    };
  });
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}
