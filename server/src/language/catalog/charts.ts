// Chart kinds: what each draws, what it can be drawn of, and how many `by` metrics it takes.
import type { DefinitionKind } from '../ast';

export interface ChartKindInfo {
  name: string;
  description: string;
  /** Kinds of definition allowed after `of`. */
  of: readonly DefinitionKind[];
  /** Least and most metrics after `by`. */
  byMin: number;
  byMax: number;
  /** For `of` a model: which model roles are allowed. */
  modelRoles?: readonly ('purchase' | 'spend' | 'retention')[];
}

export const CHART_KINDS: readonly ChartKindInfo[] = [
  {
    name: 'lorenz',
    description: 'Lorenz curve: share of total value against share of customers.',
    of: ['value', 'segments', 'table'],
    byMin: 0,
    byMax: 1,
  },
  {
    name: 'bar',
    description: 'One bar per segment: customers, or the total of a metric when `by` names one.',
    of: ['segments'],
    byMin: 0,
    byMax: 1,
  },
  {
    name: 'histogram',
    description: "Distribution of a metric (the target's own value when `by` is omitted).",
    of: ['value', 'model', 'segments', 'table'],
    byMin: 0,
    byMax: 1,
  },
  {
    name: 'scatter',
    description: 'One metric against another, per customer (x by y).',
    of: ['value', 'model', 'segments', 'table'],
    byMin: 2,
    byMax: 2,
  },
  {
    name: 'line',
    description: 'Mean of the second metric across bins of the first (e.g. mean clv by frequency), as a line.',
    of: ['value', 'model', 'segments', 'table'],
    byMin: 2,
    byMax: 2,
  },
  {
    name: 'tracking',
    description: 'Cumulative actual vs expected repeat transactions per period, across calibration and holdout.',
    of: ['model'],
    byMin: 0,
    byMax: 0,
    modelRoles: ['purchase'],
  },
  {
    name: 'matrix',
    description: 'Frequency × recency heatmap of a metric (P(alive) by default).',
    of: ['model', 'value'],
    byMin: 0,
    byMax: 1,
    modelRoles: ['purchase'],
  },
  {
    name: 'survival',
    description: 'Actual vs fitted share of each cohort still subscribed.',
    of: ['model'],
    byMin: 0,
    byMax: 0,
    modelRoles: ['retention'],
  },
];

const byName = new Map(CHART_KINDS.map((c) => [c.name, c]));

export function chartKindInfo(name: string): ChartKindInfo | undefined {
  return byName.get(name);
}
