// Charts, tables and exports: a target of the right kind, known and available metrics, options.
import type { ChartStatement, ExportStatement, Identifier, TableStatement } from '../ast';
import { CHART_KINDS, chartKindInfo } from '../catalog/charts';
import { modelKindInfo } from '../catalog/models';
import { didYouMean, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { checkCondition, nameType, type ConditionScope } from './conditions';
import { checkBlockItems } from './options';
import { resolveDefinition } from './resolve';

export function checkChart(ctx: CheckContext, s: ChartStatement): void {
  if (!s.chartType) return;
  const info = chartKindInfo(s.chartType.name);
  if (!info) {
    const suggestions = suggest(
      s.chartType.name,
      CHART_KINDS.map((c) => c.name),
    );
    ctx.error(
      s.chartType,
      'unknown-chart',
      `unknown chart kind \`${s.chartType.name}\`${didYouMean(suggestions)}`,
      suggestionData(suggestions),
    );
    return;
  }
  const target = resolveDefinition(ctx, s.target, info.of, `a ${info.name} chart is drawn of`);
  if (target?.kind === 'Model' && info.modelRoles && target.call) {
    const role = modelKindInfo(target.call.callee.name)?.role;
    if (role && !info.modelRoles.includes(role)) {
      ctx.error(
        s.target!,
        'wrong-argument',
        `a ${info.name} chart is drawn of a ${info.modelRoles.join(' or ')} model; \`${s.target!.name}\` is a ${role} model`,
      );
    }
  }
  if (s.by.length < info.byMin || s.by.length > info.byMax) {
    const wanted = info.byMin === info.byMax ? `${info.byMin}` : `${info.byMin} to ${info.byMax}`;
    ctx.error(
      s.by.length ? { start: s.by[0].start, end: s.by[s.by.length - 1].end } : s,
      'chart-arity',
      `a ${info.name} chart takes ${wanted} metric${info.byMax === 1 ? '' : 's'} after \`by\`, found ${s.by.length}`,
    );
  }
  const scope = metricScope(ctx, s.target, target !== undefined);
  for (const metric of s.by) nameType(ctx, metric, scope);
}

export function checkTable(ctx: CheckContext, s: TableStatement): void {
  const options = checkBlockItems(ctx, 'table', s.block);
  const target = resolveDefinition(ctx, s.target, ['value', 'model', 'segments', 'table'], 'a table shows');
  const scope = metricScope(ctx, s.target, target !== undefined);
  for (const name of ['columns', 'sort']) {
    for (const v of options.get(name)?.values ?? []) if (v.value.kind === 'Identifier') nameType(ctx, v.value, scope);
  }
  for (const item of s.block?.items ?? []) if (item.kind === 'Where') checkCondition(ctx, item.condition, scope);
}

export function checkExport(ctx: CheckContext, s: ExportStatement): void {
  const options = checkBlockItems(ctx, 'export', s.block);
  resolveDefinition(ctx, s.target, ['segments', 'table', 'value', 'model'], 'an export writes');
  const extension = s.path && /\.(csv|tsv|json|parquet)$/i.exec(s.path.value)?.[1].toLowerCase();
  if (s.path && !extension) {
    ctx.error(
      s.path,
      'unknown-export-format',
      'an export writes a .csv, .tsv, .json or .parquet file; end the path with one of these',
    );
  }
  const guard = options.get('spreadsheet_safe');
  if (guard && (extension === 'json' || extension === 'parquet'))
    ctx.error(
      guard.name,
      'option-not-applicable',
      `\`spreadsheet_safe\` applies to .csv and .tsv exports only; a .${extension} file keeps every value as it is`,
    );
}

function metricScope(ctx: CheckContext, target: Identifier | null, resolved: boolean): ConditionScope {
  return {
    kind: 'metrics',
    facts: resolved && target ? ctx.env.facts.of(target.name) : undefined,
    target: target?.name ?? '',
  };
}
