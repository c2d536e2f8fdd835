// A source's `where` conditions as SQL, so the engine filters rows before anything crosses the
// connection. The same conditions the file engine evaluates (evaluate/conditions.ts) over the
// same typed columns: numbers compare as numbers, dates as days, text as text; literals go
// through the dialect's escaping and column names through its quoting, nothing else.
import type { Expression } from '../../language';
import type { SqlDialect } from '../../data/engines/sql/dialect';
import type { ReadColumn } from '../../data/engines/sql/summary';
import { isoToDays } from '../units';
import { EvaluationError } from '../evaluate/context';

/** The column a condition reads, by name: its SQL expression (already typed by `kind`). */
export type ColumnSql = (read: ReadColumn) => string;

function kindAgainst(other: Expression | null | undefined): ReadColumn['kind'] {
  return other?.kind === 'String' ? 'text' : other?.kind === 'Date' ? 'date' : 'number';
}

export function whereSql(e: Expression, d: SqlDialect, column: ColumnSql): string {
  const operand = (x: Expression | null, other: Expression | null): string => {
    if (!x) throw new EvaluationError('Incomplete condition.');
    switch (x.kind) {
      case 'Identifier':
        return column({
          name: x.name,
          kind: kindAgainst(other),
          dateFormat: kindAgainst(other) === 'date' ? 'ISO' : undefined,
        });
      case 'Number':
        return d.number(x.value);
      case 'Percent':
        return d.number(x.value / 100);
      case 'String':
        return d.string(x.value);
      case 'Date':
        return d.number(isoToDays(x.value));
      case 'Paren':
        return operand(x.inner, other);
      default:
        return `(${whereSql(x, d, column)})`;
    }
  };
  switch (e.kind) {
    case 'Compare':
      return `${operand(e.left, e.right)} ${e.op === '!=' ? '<>' : e.op} ${operand(e.right, e.left)}`;
    case 'Between':
      return `${operand(e.subject, e.low)} BETWEEN ${operand(e.low, e.subject)} AND ${operand(e.high, e.subject)}`;
    case 'Logical':
      return `(${whereSql(e.left, d, column)}) ${e.op.toUpperCase()} (${e.right ? whereSql(e.right, d, column) : 'TRUE'})`;
    case 'Not':
      return `NOT (${e.operand ? whereSql(e.operand, d, column) : 'TRUE'})`;
    case 'Paren':
      return e.inner ? `(${whereSql(e.inner, d, column)})` : 'TRUE';
    case 'Boolean':
      return e.value ? 'TRUE' : 'FALSE';
    default:
      throw new EvaluationError(
        'This condition cannot be computed by the engine; a source read through a connection filters with comparisons, `between`, `and`, `or` and `not`.',
        e,
      );
  }
}
