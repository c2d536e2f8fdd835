// Go to definition and find references, across the cells of a notebook.
import type { DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver';
import type { Range } from '../../language';
import { toLspRange } from '../convert';
import type { NotebookProgram } from '../workspace/notebook-program';
import type { Workspace } from '../workspace/workspace';
import { locate } from './locate';

export function locationOf(program: NotebookProgram, cellId: string, range: Range): Location | undefined {
  const cell = program.cell(cellId);
  return cell && { uri: cellId, range: toLspRange(cell, range) };
}

/** The definition-kind symbol under the cursor (a defined name or a reference to one). */
export function definitionSymbolAt(workspace: Workspace, uri: string, position: DefinitionParams['position']) {
  const located = locate(workspace, uri, position);
  if (!located) return undefined;
  const symbol = located.program.result().symbolAt(located.cell.id, located.offset);
  if (!symbol || (symbol.role !== 'definition' && symbol.role !== 'declaration')) return undefined;
  return { located, symbol };
}

export function definition(workspace: Workspace, params: DefinitionParams): Location[] {
  const found = definitionSymbolAt(workspace, params.textDocument.uri, params.position);
  if (!found) return [];
  const { program } = found.located;
  // Every definition of the name: a duplicate shows up as a second target.
  const targets = program.result().definitions.get(found.symbol.name) ?? [];
  return targets.flatMap((d) => locationOf(program, d.cellId, d.nameRange) ?? []);
}

export function references(workspace: Workspace, params: ReferenceParams): Location[] {
  const found = definitionSymbolAt(workspace, params.textDocument.uri, params.position);
  if (!found) return [];
  const { program } = found.located;
  const result = program.result();
  const declarations = params.context.includeDeclaration
    ? (result.definitions.get(found.symbol.name) ?? []).map((d) => ({ cellId: d.cellId, range: d.nameRange }))
    : [];
  const uses = result.referencesTo(found.symbol.name).filter((r) => r.role === 'definition');
  return [...declarations, ...uses].flatMap((r) => locationOf(program, r.cellId, r.range) ?? []);
}
