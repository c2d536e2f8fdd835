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
import type { ConnectionPool } from '../warehouse/connections';
import { evaluateConnection, evaluateWarehouseSource } from '../warehouse/source';

/**
 * Evaluates one statement; source, split and model statements go through the models/data
 * libraries, connections and sources read through them through the kernel's `connections`.
 */
export async function evaluateStatement(
  ctx: EvalContext,
  models: ModelsPort,
  connections: ConnectionPool,
): Promise<StatementOutcome> {
  switch (ctx.statement.kind) {
    case 'Connection':
      return evaluateConnection(ctx, connections);
    case 'Source':
      return ctx.statement.connection ? evaluateWarehouseSource(ctx) : evaluateSource(ctx);
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
