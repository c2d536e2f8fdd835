// Dispatch: one evaluator per statement kind.
import type { ModelsPort } from '../models-port';
import type { EvalContext, StatementOutcome } from './context';
import { evaluateChart } from './chart';
import { evaluateCompare } from './compare';
import { evaluateExport } from './export';
import { evaluateModel } from './model';
import { evaluateSegments } from './segments';
import { evaluateSource } from './source';
import { evaluateSplit } from './split';
import { evaluateTable } from './table';
import { evaluateValue } from './value';

/** Evaluates one statement; source, split and model statements go through the models/data libraries. */
export async function evaluateStatement(ctx: EvalContext, models: ModelsPort): Promise<StatementOutcome> {
  switch (ctx.statement.kind) {
    case 'Source':
      return evaluateSource(ctx);
    case 'Split':
      return evaluateSplit(ctx, models);
    case 'Model':
      return evaluateModel(ctx, models);
    case 'Value':
      return evaluateValue(ctx);
    case 'Segments':
      return evaluateSegments(ctx);
    case 'Chart':
      return evaluateChart(ctx);
    case 'Table':
      return evaluateTable(ctx);
    case 'Export':
      return evaluateExport(ctx);
    case 'Compare':
      return evaluateCompare(ctx);
  }
}
