// `connection` and `source … from CONNECTION`: the connection opens (once per kernel), the
// source asks the engine's catalog for its columns and has the engine count what it holds —
// rows read, rejected by reason, filtered by `where`, customers, date range, spend — without
// a single row crossing the connection. What the split needs stays a query (WarehouseSource).
import type { ConnectionStatement, SourceStatement } from '../../language';
import { DataError } from '../../data';
import type { SqlConnection, SqlRelation } from '../../data/engines/sql/connection';
import {
  catalogColumn,
  customerReportQuery,
  loadReportQuery,
  whereColumnAlias,
  type ReadColumn,
  type TransactionQuery,
} from '../../data/engines/sql/summary';
import type { LoadReport, RejectGroup } from '../../data';
import { EvaluationError, type EvalContext, type StatementOutcome } from '../evaluate/context';
import { mappings, option, wheres } from '../evaluate/options';
import { DEFAULT_RETURNS_POLICY, PLAUSIBLE_DATES, type ReturnsPolicy } from '../../data/policy';
import { loadCountLines, transactionLine } from '../evaluate/source-report';
import { connectionLocation, type ConnectionPool } from './connections';
import { whereSql } from './where-sql';

/** What a connection statement computes: how to reach the engine (opened on first use). */
export interface WarehouseConnection {
  engine: string;
  open(): Promise<SqlConnection>;
}

/** What a warehouse source computes: the query the split runs, and what the engine counted. */
export interface WarehouseSource {
  kind: 'warehouse';
  connection: SqlConnection;
  query: TransactionQuery;
  /** What the source shows as read: `table "orders" from shop`. */
  label: string;
  /** Customers the engine counted: read, kept, all rows rejected (by reason) or filtered (accounted at the split). */
  report: Pick<LoadReport, 'customers' | 'customersRead' | 'customersRejected' | 'customersFiltered'>;
  /** The source's `returns`. */
  returns: ReturnsPolicy;
}

/** A date or word option of the source block (`returns keep`, `earliest_date 1990-01-01`). */
function word(statement: SourceStatement, name: string): string | undefined {
  const value = option(statement.block, name)?.values[0]?.value;
  return value?.kind === 'Identifier' ? value.name : value?.kind === 'Date' ? value.value : undefined;
}

/** Errors from the engine become the source's errors, on the part of the statement they concern. */
export function engineError(err: unknown, ctx: EvalContext, range: { start: number; end: number } | null): never {
  if (ctx.signal.aborted) throw err;
  if (err instanceof DataError) throw new EvaluationError(err.message, range);
  throw err;
}

export async function evaluateConnection(ctx: EvalContext, pool: ConnectionPool): Promise<StatementOutcome> {
  const statement = ctx.statement as ConnectionStatement;
  if (!statement.name || !statement.engine) throw new EvaluationError('Incomplete connection statement.');
  const engine = statement.engine.name;
  const location = connectionLocation(statement, ctx.notebookDir);
  const connection: WarehouseConnection = { engine, open: () => pool.get(engine, location) };
  // Opening now makes "connection refused" or "no such database" an error on this statement.
  await connection.open().catch((err) => engineError(err, ctx, statement.target));
  const where = !statement.target
    ? 'in memory, reading files beside the notebook'
    : statement.via
      ? `${statement.via.name === 'env' ? 'the URL in' : 'the secret'} ${statement.target.raw}`
      : statement.target.raw;
  return {
    value: { kind: 'connection', connection },
    outputs: [{ data: { 'text/plain': `${statement.name.name}: ${engine}, ${where}, read-only.` } }],
  };
}

function relationOf(statement: SourceStatement): SqlRelation {
  const text = statement.path!.value;
  return statement.format!.name === 'table' ? { kind: 'table', name: text } : { kind: 'query', sql: text };
}

/** The source's role mappings and `where` conditions as a TransactionQuery over the engine's columns. */
function transactionQuery(
  statement: SourceStatement,
  connection: SqlConnection,
  relation: SqlRelation,
  columns: TransactionQuery['columns'],
): TransactionQuery {
  const roles = new Map(mappings(statement.block).map((m) => [m.role.name, m]));
  const column = (role: string) => roles.get(role)?.columns[0]?.name;
  const customer = column('customer');
  const date = column('date');
  if (!customer || !date)
    throw new EvaluationError(
      'A source read through a connection is a transaction log: map `customer` and `date` (and `amount` for spend).',
      statement.name,
    );
  const format = roles.get('date')!.format;
  const dateFormat = format ? (format.kind === 'String' ? format.value : format.name) : undefined;
  for (const name of [customer, date, column('amount')]) if (name) catalogColumn(columns, name);
  const whereColumns: ReadColumn[] = [];
  const columnSql = (read: ReadColumn) => {
    catalogColumn(columns, read.name);
    let i = whereColumns.findIndex((w) => w.name === read.name && w.kind === read.kind);
    if (i < 0) i = whereColumns.push(read) - 1;
    return connection.dialect.identifier(whereColumnAlias(i));
  };
  const conditions = wheres(statement.block).flatMap((w) => (w.condition ? [w.condition] : []));
  const where = conditions.length
    ? conditions.map((c) => `(${whereSql(c, connection.dialect, columnSql)})`).join(' AND ')
    : null;
  return {
    relation,
    columns,
    customer,
    date: { name: date, kind: 'date', dateFormat },
    amount: column('amount') ?? null,
    whereColumns,
    where,
    plausibleDates: {
      earliest: word(statement, 'earliest_date') ?? PLAUSIBLE_DATES.earliest,
      latest: word(statement, 'latest_date') ?? PLAUSIBLE_DATES.latest,
    },
  };
}

export async function evaluateWarehouseSource(ctx: EvalContext): Promise<StatementOutcome> {
  const statement = ctx.statement as SourceStatement;
  const input = ctx.input(statement.connection!.name);
  if (input.kind !== 'connection') throw new EvaluationError('Not a connection.', statement.connection);
  const connection = await (input.connection as WarehouseConnection).open();
  const relation = relationOf(statement);
  const returns = (word(statement, 'returns') as ReturnsPolicy | undefined) ?? DEFAULT_RETURNS_POLICY;
  const options = { signal: ctx.signal };
  ctx.progress(0, 'reading the columns');
  const columns = await connection.columns(relation, options).catch((err) => engineError(err, ctx, statement.path));
  let query: TransactionQuery;
  try {
    query = transactionQuery(statement, connection, relation, columns);
  } catch (err) {
    engineError(err, ctx, statement.block ?? statement.path);
  }
  ctx.progress(0.1, 'counting rows in the engine');
  const report = await connection
    .query(loadReportQuery(connection.dialect, query), options)
    .catch((err) => engineError(err, ctx, statement.path));
  const rejected: RejectGroup[] = [];
  let rowsRead = 0;
  let good: unknown[] | undefined;
  for (const row of report.rows) {
    rowsRead += row[1] as number;
    if (row[0] === null) good = row;
    else rejected.push({ reason: row[0] as string, count: row[1] as number, lines: [], examples: [] });
  }
  rejected.sort((a, b) => b.count - a.count);
  const kept = (good?.[2] as number) ?? 0;
  const customers = (good?.[3] as number) ?? 0;
  const label = `${statement.format!.name} ${statement.path!.raw} from ${statement.connection!.name}`;
  const lines = [
    `${statement.name!.name}: ${loadCountLines({ file: label, rowsRead, rejected, filtered: good ? (good[1] as number) - kept : 0 }).join('\n')}`,
    transactionLine({
      rows: kept,
      customers,
      first: (good?.[4] as number) ?? NaN,
      last: (good?.[5] as number) ?? NaN,
      spend: query.amount ? ((good?.[6] as number) ?? 0) : null,
    }),
  ];
  if (kept === 0)
    throw new EvaluationError(
      `No usable rows ${rowsRead === 0 ? `in ${label}: it returned no rows` : `in ${label}`}.\n${lines.join('\n')}`,
      statement.path,
    );
  const source: WarehouseSource = {
    kind: 'warehouse',
    connection,
    query,
    label,
    report: {
      customers,
      ...(await customerReport(connection, query, options).catch((err) => engineError(err, ctx, statement.path))),
    },
    returns,
  };
  return { value: { kind: 'source', source }, outputs: [{ data: { 'text/plain': lines.join('\n') } }] };
}

/** Customers read, and those every row of whom was rejected (per reason) or filtered out, counted in the engine. */
async function customerReport(
  connection: SqlConnection,
  query: TransactionQuery,
  options: { signal: AbortSignal },
): Promise<Pick<LoadReport, 'customersRead' | 'customersRejected' | 'customersFiltered'>> {
  const { rows } = await connection.query(customerReportQuery(connection.dialect, query), options);
  let customersRead = 0;
  let customersFiltered = 0;
  const customersRejected: LoadReport['customersRejected'] = [];
  for (const [kept, readable, reason, count] of rows as [number, number, string | null, number][]) {
    customersRead += count;
    if (Number(kept) === 1) continue;
    if (Number(readable) === 1) customersFiltered += count;
    else customersRejected.push({ reason: reason!, count });
  }
  customersRejected.sort((a, b) => b.count - a.count);
  return { customersRead, customersRejected, customersFiltered };
}
