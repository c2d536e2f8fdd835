// Statements that produce output without defining a name:
//   chart KIND of TARGET [by METRIC, ...]
//   export TARGET to "path" [block]
//   compare MODEL, MODEL, ...
import type { ChartStatement, CompareStatement, ExportStatement, Identifier } from '../ast';
import type { Cursor } from './cursor';
import { blockAfterError, optionalBlock } from './blocks';
import { commaSeparated } from './lists';
import { checkString, stringLiteral } from './literals';

export function parseChart(p: Cursor, start: number): ChartStatement {
  const chartType = p.identifier('a chart kind (lorenz, bar, histogram, scatter, tracking, matrix or survival)');
  let target = null;
  let by: Identifier[] = [];
  if (chartType && p.expectWord('of')) target = p.identifier('the definition to chart');
  if (target && p.eatWord('by'))
    by = commaSeparated(p, (count) => p.identifier(count ? 'a metric after `,`' : 'a metric after `by`')).items;
  return { kind: 'Chart', chartType, target, by, start, end: p.lastEnd };
}

export function parseExport(p: Cursor, start: number): ExportStatement {
  const target = p.identifier('the definition to export');
  let path = null;
  if (target && p.expectWord('to')) {
    const t = p.token;
    if (t.kind === 'String') {
      p.bump();
      checkString(p, t);
      path = stringLiteral(t);
    } else {
      p.errorExpected('the output path as a string');
    }
  }
  const block = path ? optionalBlock(p) : blockAfterError(p);
  return { kind: 'Export', target, path, block, start, end: p.lastEnd };
}

export function parseCompare(p: Cursor, start: number): CompareStatement {
  const models = commaSeparated(p, (count) =>
    p.identifier(count ? 'a model after `,`' : 'the models to compare, separated by commas'),
  ).items;
  return { kind: 'Compare', models, start, end: p.lastEnd };
}
