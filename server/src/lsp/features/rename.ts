// Rename a definition and every reference to it, in every cell of the notebook.
import {
  ErrorCodes,
  ResponseError,
  type PrepareRenameParams,
  type Range as LspRange,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { toLspRange } from '../convert';
import type { Workspace } from '../workspace/workspace';
import { definitionSymbolAt, locationOf } from './navigation';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function prepareRename(
  workspace: Workspace,
  params: PrepareRenameParams,
): { range: LspRange; placeholder: string } | null {
  const found = definitionSymbolAt(workspace, params.textDocument.uri, params.position);
  // Only names some cell defines can be renamed; metrics, columns and keywords cannot.
  if (!found?.symbol.definition) return null;
  return { range: toLspRange(found.located.cell, found.symbol.range), placeholder: found.symbol.name };
}

export function rename(workspace: Workspace, params: RenameParams): WorkspaceEdit | null {
  const found = definitionSymbolAt(workspace, params.textDocument.uri, params.position);
  if (!found?.symbol.definition) return null;
  if (!NAME.test(params.newName))
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `"${params.newName}" is not a name: use letters, digits and _, not starting with a digit`,
    );
  const { program } = found.located;
  const result = program.result();
  const name = found.symbol.name;
  if (params.newName !== name && result.definitions.has(params.newName))
    throw new ResponseError(ErrorCodes.InvalidParams, `\`${params.newName}\` is already defined`);
  const places = [
    ...(result.definitions.get(name) ?? []).map((d) => ({ cellId: d.cellId, range: d.nameRange })),
    ...result.referencesTo(name).filter((r) => r.role === 'definition'),
  ];
  const changes: Record<string, TextEdit[]> = {};
  for (const place of places) {
    const location = locationOf(program, place.cellId, place.range);
    if (location) (changes[location.uri] ??= []).push({ range: location.range, newText: params.newName });
  }
  return { changes };
}
