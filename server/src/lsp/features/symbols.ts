// Document symbols of a cell: the notebook outline shows connections, sources, splits, models, values,
// segments (with each rule as a child), tables, charts and exports.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { CellResult, Statement } from '../../language';
import { toLspRange } from '../convert';
import type { Workspace } from '../workspace/workspace';
import { locate } from './locate';

const KIND: Record<Statement['kind'], SymbolKind> = {
  Connection: SymbolKind.Module,
  Source: SymbolKind.File,
  Split: SymbolKind.Interface,
  Model: SymbolKind.Class,
  Value: SymbolKind.Variable,
  Segments: SymbolKind.Enum,
  Chart: SymbolKind.Event,
  Table: SymbolKind.Struct,
  Export: SymbolKind.Package,
  Compare: SymbolKind.Event,
};

function symbolOf(cell: CellResult, s: Statement): DocumentSymbol {
  const range = toLspRange(cell, s);
  const named = 'name' in s && s.name ? s.name : null;
  const name =
    named?.name ??
    (s.kind === 'Chart'
      ? `chart ${s.chartType?.name ?? ''} of ${s.target?.name ?? '?'}`
      : s.kind === 'Export'
        ? `export ${s.target?.name ?? '?'}`
        : s.kind === 'Compare'
          ? `compare ${s.models.map((m) => m.name).join(', ')}`
          : `(unnamed ${s.kind.toLowerCase()})`);
  const symbol: DocumentSymbol = {
    name,
    kind: KIND[s.kind],
    detail: s.kind.toLowerCase(),
    range,
    selectionRange: named ? toLspRange(cell, named) : range,
  };
  if (s.kind === 'Segments') {
    symbol.children = s.rules.map((rule) => ({
      name: rule.label.value,
      kind: SymbolKind.EnumMember,
      detail: rule.otherwise
        ? 'otherwise'
        : cell.text.slice(rule.condition?.start ?? rule.end, rule.condition?.end ?? rule.end),
      range: toLspRange(cell, rule),
      selectionRange: toLspRange(cell, rule.label),
    }));
  }
  return symbol;
}

export function documentSymbols(workspace: Workspace, params: DocumentSymbolParams): DocumentSymbol[] {
  const located = locate(workspace, params.textDocument.uri);
  return located ? located.cell.parse.statements.map((s) => symbolOf(located.cell, s)) : [];
}
