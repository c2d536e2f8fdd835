// Where a request points: the program, the cell and the offset in the cell's text.
import type { Position } from 'vscode-languageserver';
import type { CellResult, Statement, Token } from '../../language';
import { toOffset } from '../convert';
import type { NotebookProgram } from '../workspace/notebook-program';
import type { Workspace } from '../workspace/workspace';

export interface Located {
  program: NotebookProgram;
  cell: CellResult;
  offset: number;
}

export function locate(workspace: Workspace, uri: string, position?: Position): Located | undefined {
  const program = workspace.programOf(uri);
  const cell = program?.cell(uri);
  if (!program || !cell) return undefined;
  return { program, cell, offset: position ? toOffset(cell, position) : 0 };
}

/** The statement whose text holds `offset` (its end included: the cursor may sit right after it). */
export function statementAt(cell: CellResult, offset: number): Statement | undefined {
  return cell.parse.statements.find((s) => s.start <= offset && offset <= s.end);
}

/** The token under (or just before) the cursor. */
export function tokenAt(cell: CellResult, offset: number): Token | undefined {
  return cell.parse.tokens.find((t) => t.start <= offset && offset <= t.end && t.kind !== 'EOF');
}
