// File names inside a path string (a source's, an export's, or a path option's such as a
// model's `frozen "…"`), relative to the notebook's folder.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { toLspRange } from '../convert';
import type { Located } from './locate';
import { statementAt } from './locate';
import { optionInfo, type ModelStatement, type StringLiteral } from '../../language';

/** The string of a model's path option (`frozen "…"`, `save_fit "…"`) around `offset`. */
function pathOptionAt(statement: ModelStatement, offset: number): StringLiteral | null {
  for (const item of statement.block?.items ?? []) {
    if (item.kind !== 'Option' || optionInfo('model', item.name.name)?.shape !== 'path') continue;
    const value = item.values[0]?.value;
    if (value?.kind === 'String' && offset > value.start && offset <= value.end) return value;
  }
  return null;
}

export function pathCompletions({ program, cell, offset }: Located): CompletionItem[] | undefined {
  const statement = statementAt(cell, offset);
  const path =
    statement?.kind === 'Source' || statement?.kind === 'Export'
      ? statement.path
      : statement?.kind === 'Model'
        ? pathOptionAt(statement, offset)
        : null;
  if (!path || offset <= path.start || offset > path.end) return undefined;
  // Inside the quotes (a missing closing quote leaves the string running to the line's end).
  if (offset === path.end && path.raw.length > 1 && path.raw.endsWith('"')) return undefined;
  const typed = cell.text.slice(path.start + 1, offset);
  const slash = typed.lastIndexOf('/');
  const folder = resolve(program.folder, typed.slice(0, slash + 1) || '.');
  const replace = toLspRange(cell, { start: path.start + 2 + slash, end: offset });
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith('.'))
    .map((e) => {
      const name = e.isDirectory() ? `${e.name}/` : e.name;
      return {
        label: name,
        kind: e.isDirectory() ? CompletionItemKind.Folder : CompletionItemKind.File,
        textEdit: { range: replace, newText: name },
      };
    });
}
