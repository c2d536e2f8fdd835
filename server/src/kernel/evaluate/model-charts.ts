// Charts drawn from a fitted model rather than from per-customer rows: tracking (cumulative
// actual vs expected repeat purchases), the frequency × recency matrix of P(alive) or expected
// purchases, and sBG survival (observed vs fitted, projected beyond the data).
import type { ChartStatement } from '../../language';
import { matrixChart, type MatrixCell } from '../charts/matrix';
import { survivalChart, type SurvivalPoint } from '../charts/survival';
import { trackingChart } from '../charts/tracking';
import type { VegaLiteSpec } from '../output-types';
import { chartTitle } from '../charts/presentation';
import { EvaluationError, type Computed } from './context';
import type { ModelData } from './model';

type Chart = { spec: VegaLiteSpec; summary: string };

/** Grid steps per axis: enough to read, few enough to stay an aggregate. */
const GRID = 40;

function modelOf(input: Computed, statement: ChartStatement, what: string): ModelData {
  if (input.kind === 'model') return input.model as ModelData;
  if (input.kind === 'value' && input.purchaseModel) return input.purchaseModel as ModelData;
  throw new EvaluationError(
    `A ${what} chart is drawn of a model; "${statement.target?.name}" is not one.`,
    statement.target,
  );
}

export function trackingSpec(
  input: Computed,
  target: string,
  _metric: string | undefined,
  statement: ChartStatement,
): Chart {
  const model = modelOf(input, statement, 'tracking');
  if (!model.tracking)
    throw new EvaluationError(
      'A tracking chart needs a purchase model fitted on a split of transactions.',
      statement.target,
    );
  const t = model.tracking;
  const last = t.cumulative.at(-1);
  return {
    spec: trackingChart(
      chartTitle('cumulative repeat purchases, actual and expected', target),
      t.unit,
      t.cumulative,
      t.calibrationEndPeriod,
    ),
    summary: `Cumulative repeat purchases over ${t.cumulative.length} ${t.unit}: actual ${Math.round(last?.actual ?? 0)}, expected ${(last?.expected ?? 0).toFixed(1)}.`,
  };
}

export function matrixSpec(
  input: Computed,
  target: string,
  metric: string | undefined,
  statement: ChartStatement,
): Chart {
  const model = modelOf(input, statement, 'matrix');
  if (!model.history || model.fitted.role !== 'purchase')
    throw new EvaluationError('A matrix chart needs a purchase model.', statement.target);
  const s = model.history;
  let maxF = 0;
  let maxT = 0;
  for (let i = 0; i < s.frequency.length; i++) {
    if (s.frequency[i] > maxF) maxF = s.frequency[i];
    if (s.T[i] > maxT) maxT = s.T[i];
  }
  // Hypothetical customers of the longest tenure, on a grid of frequency and recency (whole
  // numbers for discrete-time models, whose recency counts opportunities).
  const discrete = model.unit === 'periods';
  const fSteps = Math.min(GRID, maxF);
  const frequencies = Array.from({ length: fSteps + 1 }, (_, i) => Math.round((i * maxF) / Math.max(1, fSteps)));
  const rSteps = discrete ? Math.min(GRID, maxT) : GRID;
  const recencies = Array.from({ length: rSteps + 1 }, (_, i) =>
    discrete ? Math.round((i * maxT) / Math.max(1, rSteps)) : (i * maxT) / GRID,
  );
  const n = frequencies.length * recencies.length;
  const grid = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n).fill(maxT) };
  let k = 0;
  for (const f of frequencies) {
    for (const r of recencies) {
      grid.frequency[k] = f;
      // Impossible histories (recency below frequency in discrete time) get the nearest possible one.
      grid.recency[k] = f === 0 ? 0 : discrete ? Math.max(r, f) : r;
      k++;
    }
  }
  const shown = metric ?? 'p_alive';
  const values =
    shown === 'p_alive'
      ? model.fitted.pAlive(grid)
      : shown === 'expected_purchases'
        ? model.fitted.conditionalExpectedPurchases(1, grid)
        : undefined;
  if (!values)
    throw new EvaluationError(`A matrix chart shows p_alive or expected_purchases, not "${shown}".`, statement.by[0]);
  const cells: MatrixCell[] = Array.from(values, (value, i) => ({
    frequency: grid.frequency[i],
    recency: Number(grid.recency[i].toFixed(1)),
    value,
  }));
  const label =
    shown === 'expected_purchases' ? `expected purchases in the next ${model.unit.replace(/s$/, '')}` : 'P(alive)';
  return {
    spec: matrixChart(
      chartTitle(`${label} by frequency and recency`, target),
      { field: 'value', label, format: shown === 'p_alive' ? 'probability' : 'number' },
      model.unit,
      cells,
    ),
    summary: `${label} by frequency and recency (customers with T = ${maxT.toFixed(1)} ${model.unit}).`,
  };
}

export function survivalSpec(
  input: Computed,
  target: string,
  _metric: string | undefined,
  statement: ChartStatement,
): Chart {
  const model = modelOf(input, statement, 'survival');
  if (model.fitted.role !== 'retention')
    throw new EvaluationError('A survival chart needs an sBG retention model.', statement.target);
  const curves = model.fitted.survivalCurves();
  const points: SurvivalPoint[] = curves.flatMap((c) => [
    ...Array.from(c.observed, (survival, period) => ({ period, series: `${c.name} actual`, survival })),
    ...Array.from(c.fitted, (survival, period) => ({ period, series: `${c.name} fitted`, survival })),
  ]);
  return {
    spec: survivalChart(chartTitle('share of subscribers still active, actual and fitted', target), 'periods', points),
    summary: `Share surviving per period, actual vs fitted, for ${curves.map((c) => c.name).join(', ')}.`,
  };
}
