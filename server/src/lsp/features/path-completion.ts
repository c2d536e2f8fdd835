// File names inside a source's path string, relative to the notebook's folder.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { toLspRange } from '../convert';
import type { Located } from './locate';
import { statementAt } from './locate';

export function pathCompletions({ program, cell, offset }: Located): CompletionItem[] | undefined {
  const statement = statementAt(cell, offset);
  const path = statement?.kind === 'Source' || statement?.kind === 'Export' ? statement.path : null;
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
