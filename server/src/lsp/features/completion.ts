// Completion: the core says what may be written at the cursor (completionContext); this
// turns each expectation into items — keywords with their catalog descriptions, names
// defined anywhere in the notebook, metrics, the columns of the source's data file — plus
// statement snippets and file names inside a path string.
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { completionContext, keywordsFor, type Expectation } from '../../language';
import { toLspRange } from '../convert';
import { describeColumnType } from '../schema/columns';
import type { Workspace } from '../workspace/workspace';
import { locate, type Located } from './locate';
import { pathCompletions } from './path-completion';
import { statementSnippets } from './snippets';
import { keywordDocumentation } from './vocabulary';

const KIND_OF_CONTEXT: Record<string, CompletionItemKind> = {
  metric: CompletionItemKind.Field,
  'model-kind': CompletionItemKind.Function,
  'value-function': CompletionItemKind.Function,
  role: CompletionItemKind.Property,
};

function itemsFor(expectation: Expectation, located: Located): CompletionItem[] {
  const { program } = located;
  switch (expectation.kind) {
    case 'keywords': {
      const context = expectation.context;
      const items: CompletionItem[] = keywordsFor(context, expectation.role).map((word) => {
        const documentation = keywordDocumentation(context, word);
        return {
          label: word,
          kind:
            KIND_OF_CONTEXT[context] ??
            (context.startsWith('block:') ? CompletionItemKind.Property : CompletionItemKind.Keyword),
          ...(documentation ? { documentation: { kind: MarkupKind.Markdown, value: documentation } } : {}),
        };
      });
      return context === 'statement' ? [...items, ...statementSnippets()] : items;
    }
    case 'words':
      return expectation.words.map((word) => ({ label: word, kind: CompletionItemKind.Keyword }));
    case 'definitions': {
      const items: CompletionItem[] = [];
      for (const [name, infos] of program.result().definitions) {
        if (expectation.kinds.includes(infos[0].kind))
          items.push({ label: name, kind: CompletionItemKind.Variable, detail: infos[0].kind });
      }
      return items;
    }
    case 'columns': {
      const source = program.source(expectation.source);
      const columns = source && program.columnsOf(source);
      return (columns ?? []).map((c) => ({
        label: /^[A-Za-z_]\w*$/.test(c.name) ? c.name : `"${c.name.replace(/["\\]/g, '\\$&')}"`,
        kind: CompletionItemKind.Field,
        detail: `column, ${describeColumnType(c)}`,
        documentation: c.samples.length ? `e.g. ${c.samples.slice(0, 5).join(', ')}` : undefined,
      }));
    }
  }
}

export async function complete(workspace: Workspace, params: CompletionParams): Promise<CompletionItem[]> {
  let located = locate(workspace, params.textDocument.uri, params.position);
  if (!located) return [];
  const paths = pathCompletions(located);
  if (paths) return paths;
  let context = completionContext(located.cell.text, located.offset);
  if (context.expect.some((e) => e.kind === 'columns')) {
    // The columns may still be on their way from the file or the warehouse (each read is
    // bounded by its timeout); other requests are answered meanwhile.
    await located.program.settled();
    located = locate(workspace, params.textDocument.uri, params.position);
    if (!located) return [];
    context = completionContext(located.cell.text, located.offset);
  }
  const range = toLspRange(located.cell, context.replace);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const expectation of context.expect) {
    for (const item of itemsFor(expectation, located)) {
      if (seen.has(item.label)) continue;
      seen.add(item.label);
      // Replace the half-typed word, so accepting `frequ|` gives `frequency`, not `frequfrequency`.
      items.push(
        item.textEdit
          ? item
          : { ...item, textEdit: { range, newText: item.insertText ?? item.label }, insertText: undefined },
      );
    }
  }
  return items;
}
