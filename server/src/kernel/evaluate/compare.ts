// `compare bg, pnbd, mbg`: purchase models fitted on one split, side by side on its holdout.
// Outputs: a scorecard (fit criteria and holdout errors, one row per model), the conditional
// expectation by calibration frequency of all models in one table, the error by decile of
// predicted purchases, and two charts (tracking of every model against the actual curve;
// conditional expectation). Everything is computed from what the model statements kept.
import type { CompareStatement } from '../../language';
import { comparisonTrackingChart, conditionalExpectationChart, type ConditionalPoint } from '../charts/comparison';
import { aic, bic, errorByDecile, holdoutErrors } from '../compare/scorecard';
import { MIME, type OutputItem, type TableColumn, type TablePayload } from '../output-types';
import { tableText } from '../table-payload';
import { EvaluationError, type EvalContext, type StatementOutcome } from './context';
import { holdoutByFrequency } from './holdout-check';
import type { ModelData } from './model';

type Row = (string | number | boolean | null)[];

function tableOutput(title: string, columns: TableColumn[], rows: Row[]): OutputItem {
  const page: TablePayload = { title, columns, rows, totalRows: rows.length, offset: 0 };
  return { data: { 'text/plain': tableText(page), [MIME.table]: page } };
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The compared models, each fitted on the same split with a holdout (the checker says so; the data must agree). */
function comparedModels(ctx: EvalContext, statement: CompareStatement) {
  const models = statement.models.map((name) => {
    const input = ctx.input(name.name);
    const model = input.kind === 'model' ? (input.model as ModelData) : undefined;
    if (!model?.split || !model.tracking || !model.holdoutExpected)
      throw new EvaluationError(
        `"${name.name}" is not a purchase model fitted on a split with a holdout, so it cannot be judged on one.`,
        name,
      );
    return { name: name.name, model, tracking: model.tracking, expected: model.holdoutExpected };
  });
  const split = models[0].model.split!;
  const other = models.find((m) => m.model.split !== split);
  if (other) throw new EvaluationError(`"${other.name}" is fitted on another split than "${models[0].name}".`);
  return { models, split };
}

export function evaluateCompare(ctx: EvalContext): StatementOutcome {
  const statement = ctx.statement as CompareStatement;
  if (statement.models.length < 2) throw new EvaluationError('`compare` needs two or more models.');
  const { models, split } = comparedModels(ctx, statement);
  const s = split.summary;
  const actual = s.holdoutPurchases!;
  const unit = split.unit;
  const outputs: OutputItem[] = [];

  const scorecard = models.map((m, i) => {
    ctx.checkpoint(i / models.length, `scoring ${m.name}`);
    const f = m.model.fitted;
    const fit = { logLikelihood: f.logLikelihood, parameters: f.parameters.length, customers: f.customers };
    return { ...m, fit, errors: holdoutErrors(m.expected, actual) };
  });
  const best = (pick: (r: (typeof scorecard)[number]) => number) =>
    scorecard.reduce((a, b) => (pick(b) < pick(a) ? b : a)).name;
  outputs.push(
    tableOutput(
      `Models compared on the holdout (${s.frequency.length.toLocaleString('en-US')} customers); lowest BIC: ${best((r) => bic(r.fit))}, lowest holdout RMSE: ${best((r) => r.errors.rmse)}`,
      [
        { name: 'model', format: 'string' },
        { name: 'kind', format: 'string' },
        { name: 'parameters', format: 'integer' },
        { name: 'log_likelihood', format: 'number' },
        { name: 'aic', format: 'number' },
        { name: 'bic', format: 'number' },
        { name: 'converged', format: 'boolean' },
        { name: 'expected_holdout', format: 'number' },
        { name: 'actual_holdout', format: 'integer' },
        { name: 'error', format: 'percent' },
        { name: 'mae', format: 'number' },
        { name: 'rmse', format: 'number' },
      ],
      scorecard.map((r) => [
        r.name,
        r.model.kindTitle,
        r.fit.parameters,
        r.fit.logLikelihood,
        aic(r.fit),
        bic(r.fit),
        r.model.fitted.converged,
        r.errors.expectedTotal,
        r.errors.actualTotal,
        finite(r.errors.totalError),
        r.errors.mae,
        r.errors.rmse,
      ]),
    ),
  );

  // One row per calibration frequency group; the groups are the same for every model.
  const groups = models.map((m) => holdoutByFrequency(s.frequency, actual, m.expected));
  outputs.push(
    tableOutput(
      'Mean holdout purchases by calibration frequency: actual and expected by each model',
      [
        { name: 'frequency', format: 'string' },
        { name: 'customers', format: 'integer' },
        { name: 'actual', format: 'number' },
        ...models.map((m): TableColumn => ({ name: m.name, format: 'number' })),
      ],
      groups[0].map((g, k) => [g.frequency, g.customers, g.actual, ...groups.map((byModel) => byModel[k].expected)]),
    ),
  );

  outputs.push(
    tableOutput(
      'Holdout purchases by decile of predicted purchases (1 = the most predicted), mean per customer',
      [
        { name: 'model', format: 'string' },
        { name: 'decile', format: 'integer' },
        { name: 'customers', format: 'integer' },
        { name: 'predicted', format: 'number' },
        { name: 'actual', format: 'number' },
        { name: 'error', format: 'percent' },
      ],
      models.flatMap((m) =>
        errorByDecile(m.expected, actual).map((d) => [
          m.name,
          d.decile,
          d.customers,
          d.predicted,
          d.actual,
          finite(d.actual > 0 ? (d.predicted - d.actual) / d.actual : NaN),
        ]),
      ),
    ),
  );

  const names = models.map((m) => m.name);
  const title = `compare ${names.join(', ')}`;
  const tracking = comparisonTrackingChart(
    `${title}: repeat transactions, actual and expected`,
    unit,
    [
      { series: 'actual', cumulative: models[0].tracking.cumulative.map((p) => p.actual) },
      ...models.map((m) => ({ series: m.name, cumulative: m.tracking.cumulative.map((p) => p.expected) })),
    ],
    models[0].tracking.calibrationEndPeriod,
  );
  const last = models[0].tracking.cumulative.at(-1);
  outputs.push({
    data: {
      'text/plain': `Repeat transactions over ${models[0].tracking.cumulative.length} ${unit}: actual ${Math.round(last?.actual ?? 0)}; ${models.map((m) => `${m.name} ${(m.tracking.cumulative.at(-1)?.expected ?? 0).toFixed(1)}`).join(', ')}.`,
      [MIME.vegaLite]: tracking,
    },
  });
  const points: ConditionalPoint[] = groups[0].flatMap((g, k) => [
    { frequency: g.frequency, series: 'actual', purchases: g.actual, customers: g.customers },
    ...models.map((m, j) => ({
      frequency: g.frequency,
      series: m.name,
      purchases: groups[j][k].expected,
      customers: g.customers,
    })),
  ]);
  outputs.push({
    data: {
      'text/plain': `Mean holdout purchases by calibration frequency, actual and ${names.join(', ')}.`,
      [MIME.vegaLite]: conditionalExpectationChart(`${title}: conditional expectation`, points, ['actual', ...names]),
    },
  });
  return { value: { kind: 'none' }, outputs };
}
