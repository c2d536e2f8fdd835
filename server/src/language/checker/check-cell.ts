// Checks one cell's statements against the notebook's definitions.
import type { Statement } from '../ast';
import { CheckContext, type Environment } from './context';
import { checkCompare } from './compare';
import { checkConnection } from './connection';
import { checkModel } from './model';
import { checkChart, checkExport, checkTable } from './outputs';
import { checkSegments } from './segments';
import { checkSource } from './source';
import { checkSplit } from './split';
import { checkValue } from './value';

export function checkCell(statements: Statement[], env: Environment): CheckContext {
  const ctx = new CheckContext(env);
  for (const s of statements) {
    switch (s.kind) {
      case 'Connection':
        checkConnection(ctx, s);
        break;
      case 'Source':
        checkSource(ctx, s);
        break;
      case 'Split':
        checkSplit(ctx, s);
        break;
      case 'Model':
        checkModel(ctx, s);
        break;
      case 'Value':
        checkValue(ctx, s);
        break;
      case 'Segments':
        checkSegments(ctx, s);
        break;
      case 'Chart':
        checkChart(ctx, s);
        break;
      case 'Table':
        checkTable(ctx, s);
        break;
      case 'Export':
        checkExport(ctx, s);
        break;
      case 'Compare':
        checkCompare(ctx, s);
        break;
    }
  }
  return ctx;
}
