// The syntax tree of one `clv` cell. Every node is its own range: `start` (inclusive) and
// `end` (exclusive) are offsets into the cell's text, stored on the node itself as the
// TypeScript compiler does with `pos`/`end` (a separate range object per node was half of the
// objects a notebook's trees keep alive). Turn offsets into line/column with `LineIndex`
// (text.ts). Parts a statement could not parse are `null`, so a half-typed statement still
// gives the editor a tree to complete, hover and rename in.
// Time units, with their lengths, are the models library's: one table for every layer.
import type { TimeUnit } from '../models/summary/units';

export type { TimeUnit };

export interface Range {
  start: number;
  end: number;
}

/** A node is a `Range`, so it can be passed wherever a range is expected. */
type Node = Range;

// ---------------------------------------------------------------- names and literals

export interface Identifier extends Node {
  kind: 'Identifier';
  name: string;
}

/** A data column: a bare word (`sales`) or a quoted name (`"Order Date"`). */
export interface ColumnName extends Node {
  kind: 'ColumnName';
  name: string;
  quoted: boolean;
}

export interface NumberLiteral extends Node {
  kind: 'Number';
  value: number;
  /** The digits as written, so the formatter never rewrites `1.50` as `1.5`. */
  raw: string;
}

/** `10%`: `value` is the number written (10), not the fraction. */
export interface PercentLiteral extends Node {
  kind: 'Percent';
  value: number;
  raw: string;
}

export interface StringLiteral extends Node {
  kind: 'String';
  value: string;
  /** Source text including the quotes and escapes. */
  raw: string;
}

/** `1997-09-30`; `value` is the ISO text. */
export interface DateLiteral extends Node {
  kind: 'Date';
  value: string;
}

export interface BooleanLiteral extends Node {
  kind: 'Boolean';
  value: boolean;
}

/** A unit word as written (`week`, `months`) with its canonical plural. */
export interface UnitName extends Node {
  kind: 'Unit';
  unit: TimeUnit;
  raw: string;
}

/** `12 months`, `4 weeks`, `1 year`. */
export interface DurationLiteral extends Node {
  kind: 'Duration';
  amount: NumberLiteral;
  unit: UnitName;
}

/** `10% per year`, `100 per month`: an amount per time unit (discount rates, payments). */
export interface RateLiteral extends Node {
  kind: 'Rate';
  amount: NumberLiteral | PercentLiteral;
  per: UnitName;
}

export type Literal =
  NumberLiteral | PercentLiteral | StringLiteral | DateLiteral | BooleanLiteral | DurationLiteral | RateLiteral;

// ---------------------------------------------------------------- conditions

/** `percentile 90 of clv`: the value of a metric at a rank over the whole customer base. */
export interface PercentileExpr extends Node {
  kind: 'Percentile';
  rank: NumberLiteral | null;
  metric: Identifier | null;
}

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface CompareExpr extends Node {
  kind: 'Compare';
  op: CompareOp;
  opRange: Range;
  left: Expression;
  right: Expression | null;
}

/** `clv in top 10%`, `monetary in bottom 25%`, `clv in top 100` (a count of customers). */
export interface RankExpr extends Node {
  kind: 'Rank';
  subject: Expression;
  direction: 'top' | 'bottom';
  amount: NumberLiteral | PercentLiteral | null;
}

export interface BetweenExpr extends Node {
  kind: 'Between';
  subject: Expression;
  low: Expression | null;
  high: Expression | null;
}

/** `customer in ("A", "B")`, `segment in ("Loyal", "Champions")`: one of a list of values. */
export interface InListExpr extends Node {
  kind: 'InList';
  subject: Expression;
  items: Expression[];
}

export interface LogicalExpr extends Node {
  kind: 'Logical';
  op: 'and' | 'or';
  left: Expression;
  right: Expression | null;
}

export interface NotExpr extends Node {
  kind: 'Not';
  operand: Expression | null;
}

/** Kept as a node so the formatter reproduces the parentheses the author wrote. */
export interface ParenExpr extends Node {
  kind: 'Paren';
  inner: Expression | null;
}

export type Expression =
  | Identifier
  | Literal
  | PercentileExpr
  | CompareExpr
  | RankExpr
  | BetweenExpr
  | InListExpr
  | LogicalExpr
  | NotExpr
  | ParenExpr;

// ---------------------------------------------------------------- blocks

/** `horizon 12 months`, `columns a, b, c`, `sort clv desc`: a name and one or more values. */
export interface OptionItem extends Node {
  kind: 'Option';
  name: Identifier;
  values: OptionValue[];
}

export interface OptionValue extends Node {
  kind: 'OptionValue';
  value: Literal | Identifier;
  /** `asc` / `desc` after a column in `sort`. */
  order: Identifier | null;
}

/** `date = date as "YYYYMMDD"`, `survivors = regular, highend`: role = column(s). */
export interface MappingItem extends Node {
  kind: 'Mapping';
  role: Identifier;
  columns: ColumnName[];
  /** The date format after `as`: a string pattern or a word (`ISO`, `YYYYMMDD`). */
  format: StringLiteral | Identifier | null;
}

/** `where sales > 0`: rows (or customers) must satisfy the condition. */
export interface WhereItem extends Node {
  kind: 'Where';
  condition: Expression | null;
}

export type BlockItem = OptionItem | MappingItem | WhereItem;

export interface Block extends Node {
  kind: 'Block';
  items: BlockItem[];
  /** False when the closing `}` is missing (an error is reported too). */
  closed: boolean;
}

// ---------------------------------------------------------------- statements

/** `bgnbd(cal)`, `lifetime_value(purchases, spend)`. */
export interface Call extends Node {
  kind: 'Call';
  callee: Identifier;
  args: Identifier[];
}

export interface SourceStatement extends Node {
  kind: 'Source';
  name: Identifier | null;
  /** csv, tsv, text, json, parquet, arrow; `table` or `query` through a connection. */
  format: Identifier | null;
  /** The file path, the table name, or the query text. */
  path: StringLiteral | null;
  /**
   * `from NAME`: the connection a `table` or `query` source reads through. Absent (not null)
   * for file sources, so their trees (and the parser's golden files) are unchanged.
   */
  connection?: Identifier;
  block: Block | null;
}

/**
 * `connection NAME = ENGINE "database.duckdb"`, `connection NAME = ENGINE env "VARIABLE"` or
 * `connection NAME = ENGINE secret "NAME"`: where an engine's URL comes from. The notebook
 * never holds a credential, only where to find one.
 */
export interface ConnectionStatement extends Node {
  kind: 'Connection';
  name: Identifier | null;
  /** duckdb, postgres, clickhouse. */
  engine: Identifier | null;
  /** `env` or `secret` before the string; null when the string is a database file. */
  via: Identifier | null;
  /** The database file, the environment variable's name, or the secret's name. */
  target: StringLiteral | null;
}

export interface SplitStatement extends Node {
  kind: 'Split';
  name: Identifier | null;
  source: Identifier | null;
  calibrationEnd: DateLiteral | null;
  /** Null when the split has no holdout period. */
  holdoutEnd: DateLiteral | null;
  /** Null means the default, weeks. */
  unit: UnitName | null;
}

export interface ModelStatement extends Node {
  kind: 'Model';
  name: Identifier | null;
  call: Call | null;
  block: Block | null;
}

export interface ValueStatement extends Node {
  kind: 'Value';
  name: Identifier | null;
  call: Call | null;
  block: Block | null;
}

export interface SegmentRule extends Node {
  kind: 'Rule';
  label: StringLiteral;
  /** Null for `otherwise` (and when the condition is missing; see `otherwise`). */
  condition: Expression | null;
  /** Range of the `otherwise` keyword, or null for a `when` rule. */
  otherwise: Range | null;
}

export interface SegmentsStatement extends Node {
  kind: 'Segments';
  name: Identifier | null;
  /** The definition whose customers are segmented (usually a value). */
  on: Identifier | null;
  rules: SegmentRule[];
  /** The `{` that opens the rules, or null when it is missing. */
  openBrace: Range | null;
  /** False when `{` or `}` is missing. */
  closed: boolean;
}

export interface ChartStatement extends Node {
  kind: 'Chart';
  /** lorenz, bar, histogram, scatter, tracking, matrix, survival. */
  chartType: Identifier | null;
  target: Identifier | null;
  /** Metrics after `by`. */
  by: Identifier[];
}

export interface TableStatement extends Node {
  kind: 'Table';
  name: Identifier | null;
  target: Identifier | null;
  block: Block | null;
}

export interface ExportStatement extends Node {
  kind: 'Export';
  target: Identifier | null;
  path: StringLiteral | null;
  block: Block | null;
}

/** `compare bg, pnbd, mbg`: purchase models of one split side by side on its holdout. */
export interface CompareStatement extends Node {
  kind: 'Compare';
  models: Identifier[];
}

export type Statement =
  | ConnectionStatement
  | SourceStatement
  | SplitStatement
  | ModelStatement
  | ValueStatement
  | SegmentsStatement
  | ChartStatement
  | TableStatement
  | ExportStatement
  | CompareStatement;

/** Statements that define a name other cells can refer to. */
export type Definition =
  | ConnectionStatement
  | SourceStatement
  | SplitStatement
  | ModelStatement
  | ValueStatement
  | SegmentsStatement
  | TableStatement;

export type DefinitionKind = 'connection' | 'source' | 'split' | 'model' | 'value' | 'segments' | 'table';

export interface Comment {
  range: Range;
  /** Text including the leading `#`. */
  text: string;
}

export type AnyNode =
  Statement | Expression | Block | BlockItem | OptionValue | Call | SegmentRule | ColumnName | UnitName;
