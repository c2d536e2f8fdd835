// The payloads the kernel returns per cell, one per MIME type. This file is the contract
// between the kernel (which builds them), the notebook renderer and the HTML report (which
// draw them), and the VS Code controller (which forwards them). It holds types only, so the
// renderer can import it without pulling in Node code.

export const MIME = {
  text: 'text/plain',
  markdown: 'text/markdown',
  vegaLite: 'application/vnd.vegalite.v5+json',
  table: 'application/vnd.clv.table+json',
  model: 'application/vnd.clv.model+json',
  segments: 'application/vnd.clv.segments+json',
  error: 'application/vnd.code.notebook.error',
} as const;

/** One cell's outputs: a list of items, each a MIME bundle that always has `text/plain`. */
export interface OutputItem {
  /** MIME type → payload. `text/plain` is always present as a short summary. */
  data: { 'text/plain': string } & Partial<{
    'text/markdown': string;
    'application/vnd.vegalite.v5+json': VegaLiteSpec;
    'application/vnd.clv.table+json': TablePayload;
    'application/vnd.clv.model+json': ModelPayload;
    'application/vnd.clv.segments+json': SegmentsPayload;
    /** A cell's error (VS Code's NotebookCellOutputItem.error shape); `text/plain` repeats the message. */
    'application/vnd.code.notebook.error': { name: string; message: string; stack?: string };
  }>;
}

/** Starts the `text/plain` of an output that warns: the runner puts such outputs first in their cell. */
export const WARNING_PREFIX = 'Warning: ';

/** A Vega-Lite v5/v6 spec with its data inlined (always aggregated first: never a raw million rows). */
export type VegaLiteSpec = Record<string, unknown>;

/** How a column's values should be shown. */
export type ColumnFormat = 'integer' | 'number' | 'money' | 'percent' | 'probability' | 'date' | 'string' | 'boolean';

export interface TableColumn {
  name: string;
  format: ColumnFormat;
  /** Unit suffix for numbers, e.g. "weeks". */
  unit?: string;
}

/** An order for a table's rows: by one column, ascending or descending (missing values last). */
export interface TableSort {
  column: string;
  descending: boolean;
}

/** The renderer asks the extension for a page of a table (VS Code renderer messaging). */
export interface TablePageRequest {
  type: 'clv.tablePage';
  requestId: number;
  source: string;
  offset: number;
  limit: number;
  sort?: TableSort;
}

/** The extension's answer: the page, or why there is none. */
export interface TablePageReply {
  type: 'clv.tablePage';
  requestId: number;
  page?: TablePayload;
  error?: string;
}

/** A table page: typed columns, rows as arrays in column order. Dates are ISO strings. */
export interface TablePayload {
  title?: string;
  /** The definition whose rows `Kernel.tablePage` serves: set when more pages can be asked for. */
  source?: string;
  /** The order of `rows`: the table's own `sort`, or the order a page was asked for. */
  sort?: TableSort;
  columns: TableColumn[];
  rows: (string | number | boolean | null)[][];
  /** Total rows in the underlying table; `rows` may be only the first page. */
  totalRows: number;
  /** Index of the first row in `rows` within the underlying table. */
  offset: number;
}

export interface ModelParameter {
  name: string;
  estimate: number;
  standardError: number | null;
  /** Confidence interval at the payload's `intervalLevel` (log scale, transformed back); null without a covariance. */
  low?: number | null;
  high?: number | null;
  /** What the parameter means, for hover and tooltips. */
  description?: string;
}

export interface ModelPayload {
  name: string;
  /** e.g. "BG/NBD", "Pareto/NBD", "Gamma-Gamma", "sBG", "BG/BB". */
  kind: string;
  parameters: ModelParameter[];
  logLikelihood: number;
  converged: boolean;
  /** Why the fit did not converge, or a warning about it. */
  message?: string;
  iterations: number;
  gradientNorm: number;
  fitMs: number;
  customers: number;
  /** Level of the parameters' intervals (0.9 unless the model's `intervals` option says otherwise). */
  intervalLevel?: number;
  /** Bootstrap settings and the interval of the total expected holdout purchases, when the model has `intervals`. */
  bootstrap?: {
    level: number;
    draws: number;
    seed: number;
    holdoutTotal?: { expected: number; low: number; high: number };
  };
  /**
   * The model's saved-fit file: `read` when its parameters came from it (`frozen`, with what
   * they were fitted on), `written` when its fit was saved there (`save_fit`).
   */
  frozen?: {
    file: string;
    role: 'read' | 'written';
    fittedOn?: {
      unit: string;
      returns: string | null;
      calibrationStart: string | null;
      calibrationEnd: string | null;
      fingerprint: string;
    };
    fittedCustomers?: number;
    fittedLogLikelihood?: number;
  };
  /** Calibration vs holdout check, when the model was fitted on a split with a holdout. */
  holdout?: {
    unit: string;
    /** Per frequency group (x = 0, 1, ..., "7+"): customers, actual and expected mean holdout purchases. */
    byFrequency: { frequency: string; customers: number; actual: number; expected: number }[];
    /** Cumulative repeat transactions per period from the start of calibration. */
    cumulative: { period: number; actual: number; expected: number }[];
    calibrationEndPeriod: number;
  };
}

export interface SegmentSummary {
  name: string;
  /** The rule as written, e.g. `clv in top 10% and p_alive > 0.7`, or `otherwise`. */
  rule: string;
  customers: number;
  /** Share of customers, 0..1. */
  share: number;
  /** Sum of the value metric over the segment's customers. */
  value: number;
  /** Bootstrap interval of `value` at the payload's `intervalLevel`, when the purchase model has `intervals`. */
  valueLow?: number;
  valueHigh?: number;
  /** Share of the total value, 0..1. */
  valueShare: number;
  meanValue: number;
  meanPAlive: number | null;
}

export interface SegmentsPayload {
  name: string;
  /** Name of the value metric the segments are measured on, e.g. "clv". */
  valueMetric: string;
  segments: SegmentSummary[];
  totalCustomers: number;
  totalValue: number;
  /** Level of the segments' value intervals, when they have them. */
  intervalLevel?: number;
}
