// The public API of the `clv` language core. The language server, the kernel and the command
// line import only from here. Nothing in this folder imports `vscode` or the kernel, and
// nothing does I/O: data files are known only through the `schema` callback.
//
//   parseCell(text)            one cell → statements + parse errors + comments + tokens; never throws
//   checkProgram(cells, opts)  all code cells of a notebook → per-cell diagnostics, symbols,
//                              run order; one-shot
//   new ProgramChecker(opts)   the same, incremental: keeps parses and per-cell results between
//                              calls, so re-checking after a one-cell edit costs about one cell
//   formatCell(text)           canonical layout; text with parse errors comes back unchanged
//   quoteString(text), writeName(name)
//                              a string literal; a column's name as clv writes it (bare or quoted)
//   LineIndex                  offset ↔ {line, character} for one cell's text
//   METRICS, MODEL_KINDS, BLOCK_OPTIONS, ROLES, CHART_KINDS, keywordsFor(context)
//                              the language's vocabulary with descriptions, for hover/completion
//   completionContext(text, offset)
//                              what may be written at a position (keywords of a context,
//                              definitions of some kinds, metrics, columns), for completion
//   printTree(statements)      an indented dump of a tree (golden tests, debugging)
//   fingerprint(statement)     a statement's meaning without positions (for caching by content)
//   dependenciesFirst(roots, reads)
//                              what roots read, transitively, each after what it reads (the
//                              kernel's execution order; the checker's walks share the graph/ module)

export type * from './ast';
export type { Diagnostic, CellDiagnostic, DiagnosticData, Severity } from './diagnostic';
export type { Token, TokenKind } from './lexer';
export type {
  CellInput,
  CellResult,
  CheckOptions,
  ColumnInfo,
  DefinitionInfo,
  ParseResult,
  ProgramResult,
  ReferenceInfo,
  ReferenceRole,
  StatementInfo,
} from './program-types';

export { parseCell } from './parser/parse-cell';
export { checkProgram, ProgramChecker } from './checker/program';
export { formatCell } from './formatter';
export { canQuote, quoteString, writeName } from './string-literal';
export { fingerprint, printTree } from './print-tree';
export { completionContext, type CompletionContext, type Expectation } from './completion';
export { breaksLineAt, LineIndex, type Position } from './text';
export { DIAGNOSTIC_CODES } from './checker/codes';
export { dependenciesFirst } from './graph';

export { METRICS, metricInfo, type MetricInfo, type ValueType, type MetricRequirement } from './catalog/metrics';
export {
  MODEL_KINDS,
  modelKindInfo,
  type ModelKindInfo,
  type ModelParameterInfo,
  kindsOf,
  type ModelKind,
} from './catalog/models';
export {
  BLOCK_OPTIONS,
  optionInfo,
  DELIMITER_WORDS,
  VALUE_DEFAULTS,
  type BlockContext,
  type OptionInfo,
  type OptionShape,
} from './catalog/options';
export { ROLES, roleInfo, SOURCE_FORMATS, DATE_FORMAT_WORDS, type RoleInfo, type SourceKind } from './catalog/sources';
export {
  CONNECTION_ENGINES,
  CONNECTION_FORMATS,
  CONNECTION_URL_SOURCES,
  engineInfo,
  isConnectionFormat,
} from './catalog/connections';
export { CHART_KINDS, chartKindInfo, type ChartKindInfo } from './catalog/charts';
export {
  keywordsFor,
  STATEMENT_KEYWORDS,
  CONDITION_KEYWORDS,
  CLAUSE_KEYWORDS,
  SEGMENT_RULE_KEYWORDS,
  LOGICAL_KEYWORDS,
  BOOLEAN_WORDS,
  UNIT_WORDS,
  VALUE_FUNCTIONS,
  type KeywordContext,
} from './catalog/keywords';
export { sourceKindOf, definitionName } from './checker/facts';
