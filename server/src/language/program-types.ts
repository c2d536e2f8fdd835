// The result of checking a whole notebook: what the kernel and the language server consume.
import type { Comment, Definition, DefinitionKind, Range, SourceStatement, Statement } from './ast';
import type { CellDiagnostic, Diagnostic } from './diagnostic';
import type { Token } from './lexer';
import type { LineIndex } from './text';

export interface CellInput {
  /** Any stable identifier of the cell (the LSP uses the cell's URI). */
  id: string;
  text: string;
}

/** A data column as the language server read it from the file's header. */
export interface ColumnInfo {
  name: string;
  type?: 'number' | 'string' | 'date';
}

export interface CheckOptions {
  /** Columns of a source's file, or undefined when unknown (then column names are not checked). */
  /** `lookup` finds the notebook's definitions (a `table` source's connection) while the check runs. */
  schema?: (source: SourceStatement, lookup: (name: string) => Definition | undefined) => ColumnInfo[] | undefined;
}

export interface ParseResult {
  statements: Statement[];
  errors: Diagnostic[];
  comments: Comment[];
  /** Every token except newlines, in order (for semantic highlighting); lexed on first access. */
  tokens: Token[];
}

export interface CellResult {
  id: string;
  text: string;
  parse: ParseResult;
  lines: LineIndex;
  /** Parse errors and checker diagnostics of this cell, sorted by position. */
  diagnostics: Diagnostic[];
}

export interface DefinitionInfo {
  name: string;
  kind: DefinitionKind;
  cellId: string;
  statement: Definition;
  /** Range of the defined name. */
  nameRange: Range;
  /** Names of the definitions this one refers to (resolved or not), in order of appearance. */
  dependencies: string[];
}

/** What a name in the text refers to. */
export type ReferenceRole = 'definition' | 'metric' | 'column';

export interface ReferenceInfo {
  name: string;
  cellId: string;
  /** Where the name is written: the name's node itself (nodes are ranges), not a copy. */
  range: Range;
  role: ReferenceRole;
  /** The definition referred to (role `definition` only), when it exists. */
  target?: DefinitionInfo;
}

/** One statement in run order, with the definitions it needs. */
export interface StatementInfo {
  cellId: string;
  statement: Statement;
  /** The name it defines (charts and exports define none). */
  defines?: string;
  dependencies: string[];
}

export interface ProgramResult {
  /** Cells in notebook order. */
  cells: CellResult[];
  cell(id: string): CellResult | undefined;
  /** Definitions by name; more than one entry means a duplicate. */
  definitions: Map<string, DefinitionInfo[]>;
  references: ReferenceInfo[];
  /** The (first) definition of a name. */
  lookup(name: string): DefinitionInfo | undefined;
  /** Every reference to a definition (not the definition itself). */
  referencesTo(name: string): ReferenceInfo[];
  /** The definition or reference under `offset` in a cell (for hover, go-to-definition, rename). */
  symbolAt(
    cellId: string,
    offset: number,
  ): { name: string; range: Range; role: ReferenceRole | 'declaration'; definition?: DefinitionInfo } | undefined;
  /**
   * Every statement in an order where each comes after the definitions it depends on
   * (notebook order among independent ones). Statements on a cycle, or depending on one,
   * are left out and listed in `blocked`.
   */
  runOrder: StatementInfo[];
  blocked: StatementInfo[];
  /** All diagnostics of all cells. */
  diagnostics: CellDiagnostic[];
}
