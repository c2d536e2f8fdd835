// Hover: a metric's meaning and unit, a column's inferred type and sample values, a model
// kind's parameters, an option's meaning, and for a defined name its definition's text.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import {
  metricInfo,
  modelKindInfo,
  optionInfo,
  type BlockContext,
  type DefinitionInfo,
  type Range,
} from '../../language';
import { toLspRange } from '../convert';
import { describeColumnType } from '../schema/columns';
import type { NotebookProgram } from '../workspace/notebook-program';
import type { Workspace } from '../workspace/workspace';
import { locate, statementAt, tokenAt, type Located } from './locate';
import { metricMarkdown, modelMarkdown } from './vocabulary';

const BLOCK_OF_STATEMENT: Record<string, BlockContext> = {
  Source: 'source',
  Model: 'model',
  Value: 'value',
  Table: 'table',
  Export: 'export',
};

function definitionMarkdown(program: NotebookProgram, d: DefinitionInfo): string {
  const cell = program.cell(d.cellId);
  const text = cell ? cell.text.slice(d.statement.start, d.statement.end) : d.name;
  return `(${d.kind}) **${d.name}**\n\n\`\`\`clv\n${text}\n\`\`\``;
}

function columnMarkdown(located: Located, name: string): string {
  const statement = statementAt(located.cell, located.offset);
  const columns = statement?.kind === 'Source' ? located.program.columnsOf(statement) : undefined;
  const column = columns?.find((c) => c.name === name);
  if (!column) return `(column) **${name}**`;
  const samples = column.samples.filter((s) => s !== '').slice(0, 5);
  return `(column) **${name}**: ${describeColumnType(column)}${samples.length ? `\n\nSample values: ${samples.map((s) => `\`${s}\``).join(', ')}` : ''}`;
}

/** Words the program's symbol table does not cover: model kinds and block option names. */
function vocabularyMarkdown(located: Located): { value: string; range: Range } | undefined {
  const token = tokenAt(located.cell, located.offset);
  if (token?.kind !== 'Ident') return undefined;
  const statement = statementAt(located.cell, located.offset);
  const range = token.range;
  const model =
    statement?.kind === 'Model' && statement.call?.callee.start === token.start ? modelKindInfo(token.text) : undefined;
  if (model) return { value: modelMarkdown(model), range };
  const block = statement && BLOCK_OF_STATEMENT[statement.kind];
  const option =
    block &&
    'block' in statement &&
    statement.block?.items.find((i) => i.kind === 'Option' && i.name.start === token.start);
  const info = option && optionInfo(block, token.text);
  if (info)
    return {
      value: `(option) **${info.name}**\n\n${info.description}${info.default ? `\n\nDefault: ${info.default}.` : ''}`,
      range,
    };
  const metric = metricInfo(token.text);
  return metric && statement?.kind === 'Chart' ? { value: metricMarkdown(metric), range } : undefined;
}

export function hover(workspace: Workspace, params: HoverParams): Hover | null {
  const located = locate(workspace, params.textDocument.uri, params.position);
  if (!located) return null;
  const { program, cell, offset } = located;
  const symbol = program.result().symbolAt(cell.id, offset);
  let content: { value: string; range: Range } | undefined;
  if (symbol?.role === 'metric') {
    const metric = metricInfo(symbol.name);
    content = metric && { value: metricMarkdown(metric), range: symbol.range };
  } else if (symbol?.role === 'column') {
    content = { value: columnMarkdown(located, symbol.name), range: symbol.range };
  } else if (symbol?.definition) {
    content = { value: definitionMarkdown(program, symbol.definition), range: symbol.range };
  }
  content ??= vocabularyMarkdown(located);
  return content
    ? { contents: { kind: MarkupKind.Markdown, value: content.value }, range: toLspRange(cell, content.range) }
    : null;
}
