// `source NAME = FORMAT "path" { ... }`: reads the file through the data layer into typed
// columns (a TransactionLog, a per-customer summary, or cohort survivor counts), and shows
// what was read, rejected and filtered.
import { basename } from 'node:path';
import { sourceKindOf, DELIMITER_WORDS, type Expression, type SourceStatement } from '../../language';
import { DataError, loadSource, type ColumnRequest, type LoadedSource, type SourceSpec } from '../../data';
import { conditionMask, ConditionError, type MetricFrame } from './conditions';
import { sourceFile } from '../plan';
import { EvaluationError, type EvalContext, type StatementOutcome } from './context';
import { booleanOption, mappings, namesOption, option, wheres } from './options';
import { loadCountLines, transactionLines } from './source-report';

/** Columns a `where` condition reads, typed by what they are compared with (dates, text, numbers). */
function filterColumns(conditions: Expression[]): ColumnRequest[] {
  const out = new Map<string, ColumnRequest>();
  const visit = (e: Expression | null, other?: Expression | null) => {
    if (!e) return;
    switch (e.kind) {
      case 'Identifier': {
        const kind = other?.kind === 'String' ? 'text' : other?.kind === 'Date' ? 'date' : 'number';
        if (!out.has(e.name) || kind !== 'number')
          out.set(e.name, { name: e.name, kind, dateFormat: kind === 'date' ? 'ISO' : undefined });
        return;
      }
      case 'Compare':
        visit(e.left, e.right);
        visit(e.right, e.left);
        return;
      case 'Between':
        visit(e.subject, e.low);
        return;
      case 'InList':
        visit(e.subject, e.items[0]);
        return;
      case 'Rank':
        visit(e.subject);
        return;
      case 'Logical':
        visit(e.left);
        visit(e.right);
        return;
      case 'Not':
        visit(e.operand);
        return;
      case 'Paren':
        visit(e.inner);
        return;
    }
  };
  conditions.forEach((c) => visit(c));
  return [...out.values()];
}

/** The loader's request, from the statement: format, layout, role mappings, row filter. */
export function sourceSpec(statement: SourceStatement, notebookDir: string): SourceSpec {
  const delimiter = option(statement.block, 'delimiter')?.values[0]?.value;
  const delimiterText =
    delimiter?.kind === 'Identifier'
      ? DELIMITER_WORDS[delimiter.name]
      : delimiter?.kind === 'String'
        ? delimiter.value
        : undefined;
  const conditions = wheres(statement.block).flatMap((w) => (w.condition ? [w.condition] : []));
  const word = (name: string) => {
    const v = option(statement.block, name)?.values[0]?.value;
    return v?.kind === 'Identifier' ? v.name : v?.kind === 'Date' ? v.value : undefined;
  };
  return {
    path: sourceFile(notebookDir, statement)!,
    format: statement.format!.name,
    kind: sourceKindOf(statement) ?? 'transactions',
    delimiter: delimiterText,
    header: booleanOption(statement.block, 'header'),
    columns: namesOption(statement.block, 'columns'),
    returns: word('returns') as SourceSpec['returns'],
    plausibleDates: { earliest: word('earliest_date'), latest: word('latest_date') },
    mappings: mappings(statement.block).map((m) => ({
      role: m.role.name,
      columns: m.columns.map((c) => c.name),
      format: m.format ? (m.format.kind === 'String' ? m.format.value : m.format.name) : undefined,
    })),
    filterColumns: filterColumns(conditions),
    // Same condition semantics as segments, over the file's columns instead of metrics.
    filter: conditions.length
      ? (columns, rows) => {
          const frame: MetricFrame = { rows, unit: 'days', column: (name) => columns.get(name) };
          return conditions.map((c) => conditionMask(c, frame)).reduce((a, b) => a.map((v, i) => v & b[i]));
        }
      : undefined,
  };
}

function describe(name: string, loaded: LoadedSource): string {
  const lines = [`${name}: ${loadCountLines({ ...loaded.report, file: basename(loaded.report.file) }).join('\n')}`];
  if (loaded.kind === 'transactions')
    lines.push(...transactionLines(loaded.log.customerIds.length, loaded.log.time, loaded.log.amount));
  else if (loaded.kind === 'summary')
    lines.push(
      `${loaded.rows.toLocaleString('en-US')} summary rows for ${loaded.customers.toLocaleString('en-US')} customers.`,
    );
  else
    lines.push(
      `${loaded.cohorts.length} cohort${loaded.cohorts.length === 1 ? '' : 's'} (${loaded.cohorts.map((c) => c.name).join(', ')}) over ${loaded.periods.length} periods.`,
    );
  return lines.join('\n');
}

export async function evaluateSource(ctx: EvalContext): Promise<StatementOutcome> {
  const statement = ctx.statement as SourceStatement;
  if (!statement.name || !statement.format || !statement.path)
    throw new EvaluationError('Incomplete source statement.');
  const spec = sourceSpec(statement, ctx.notebookDir);
  let loaded: LoadedSource;
  try {
    loaded = await loadSource(spec, {
      signal: ctx.signal,
      onProgress: (fraction, message) => ctx.progress(fraction, `reading ${statement.name!.name}: ${message}`),
    });
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    if (err instanceof ConditionError) throw new EvaluationError(err.message, err.range);
    if (!(err instanceof DataError)) throw err;
    // The data layer's messages say what and where in the file; point at the path in the cell.
    throw new EvaluationError(err.message, statement.path);
  }
  const text = describe(statement.name.name, loaded);
  const rows =
    loaded.kind === 'transactions' ? loaded.log.rows : loaded.kind === 'summary' ? loaded.rows : loaded.periods.length;
  // Nothing to analyse is an error here, where the reasons are known, not a puzzle downstream.
  if (rows === 0) throw new EvaluationError(`No usable rows in the data file.\n${text}`, statement.path);
  return { value: { kind: 'source', source: loaded }, outputs: [{ data: { 'text/plain': text } }] };
}
