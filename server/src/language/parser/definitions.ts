// Definitions with a `name =` header: connection, source, split, model, value, table.
//   connection NAME = ENGINE ["database file" | env "VARIABLE" | secret "NAME"]
//   source NAME = FORMAT "path" [from CONNECTION] [block]
//   split NAME = SOURCE until DATE [, holdout until DATE] [, in UNIT]
//   model NAME = KIND(ARG, ...) [block]
//   value NAME = FUNCTION(ARG, ...) [block]
//   table NAME = TARGET [block]
import type {
  Call,
  ConnectionStatement,
  DateLiteral,
  Identifier,
  ModelStatement,
  SourceStatement,
  SplitStatement,
  StringLiteral,
  TableStatement,
  UnitName,
  ValueStatement,
} from '../ast';
import type { Cursor } from './cursor';
import { blockAfterError, optionalBlock } from './blocks';
import { commaSeparated } from './lists';
import { atUnit, checkString, dateLiteral, stringLiteral, UNIT_CHOICES, unitName } from './literals';
import { CONNECTION_ENGINES, CONNECTION_FORMATS, urlSourceInfo } from '../catalog/connections';
import { SOURCE_FORMATS } from '../catalog/sources';
import { orList } from '../suggest';

const names = (list: readonly { name: string }[]) => list.map((x) => x.name);
const FORMAT_CHOICES = `a file format (${orList(names(SOURCE_FORMATS))}), ${orList(names(CONNECTION_FORMATS).map((f) => `\`${f}\``))}`;
const ENGINE_CHOICES = `an engine (${orList(names(CONNECTION_ENGINES))})`;

/** `NAME =` after the keyword; returns the name (null if missing) and whether `=` was found. */
function parseHeader(p: Cursor, keyword: string): { name: Identifier | null; ok: boolean } {
  const name = p.identifier(`a name after \`${keyword}\``);
  if (!name) return { name, ok: false };
  if (p.at('Op') && p.token.text === '=') {
    p.bump();
    return { name, ok: true };
  }
  p.errorExpected(`\`=\` after \`${keyword} ${name.name}\``);
  return { name, ok: false };
}

function stringArgument(p: Cursor, what: string): StringLiteral | null {
  const t = p.token;
  if (t.kind !== 'String') {
    p.errorExpected(what);
    return null;
  }
  p.bump();
  checkString(p, t);
  return stringLiteral(t);
}

export function parseSource(p: Cursor, start: number): SourceStatement {
  const { name, ok } = parseHeader(p, 'source');
  let format = null;
  let path = null;
  let block;
  let connection: Identifier | null = null;
  // `from NAME` is optional; a missing name after `from` is an error and stops the header.
  if (
    ok &&
    (format = p.identifier(FORMAT_CHOICES)) &&
    (path = stringArgument(p, 'the file path (or table name, or query) as a string')) &&
    (!p.eatWord('from') || (connection = p.identifier('the connection to read through')))
  ) {
    block = optionalBlock(p);
  } else {
    block = blockAfterError(p);
  }
  const source: SourceStatement = { kind: 'Source', name, format, path, block, start, end: p.lastEnd };
  if (connection) source.connection = connection;
  return source;
}

export function parseConnection(p: Cursor, start: number): ConnectionStatement {
  const { name, ok } = parseHeader(p, 'connection');
  let engine: Identifier | null = null;
  let via: Identifier | null = null;
  let target: StringLiteral | null = null;
  if (ok && (engine = p.identifier(ENGINE_CHOICES))) {
    const urlSource = p.at('Ident') ? urlSourceInfo(p.token.text) : undefined;
    if (urlSource) via = p.identifier(urlSource.name);
    if (via || p.at('String'))
      target = stringArgument(p, urlSource ? `the ${urlSource.names}'s name as a string` : 'a string');
  } else blockAfterError(p);
  return { kind: 'Connection', name, engine, via, target, start, end: p.lastEnd };
}

export function parseSplit(p: Cursor, start: number): SplitStatement {
  const { name, ok } = parseHeader(p, 'split');
  let source: Identifier | null = null;
  let calibrationEnd: DateLiteral | null = null;
  let holdoutEnd: DateLiteral | null = null;
  let unit: UnitName | null = null;
  const date = (what: string) => (p.at('Date') ? dateLiteral(p.bump()) : (p.errorExpected(what), null));
  if (ok && (source = p.identifier('the source to split')) && p.expectWord('until')) {
    calibrationEnd = date('the end date of the calibration period (YYYY-MM-DD)');
    while (calibrationEnd && p.eat('Comma')) {
      if (p.eatWord('holdout')) {
        if (!p.expectWord('until')) break;
        holdoutEnd = date('the end date of the holdout period (YYYY-MM-DD)');
      } else if (p.eatWord('in')) {
        if (atUnit(p)) unit = unitName(p.bump());
        else p.errorExpected(`a time unit (${UNIT_CHOICES})`);
      } else {
        p.errorExpected('`holdout until DATE` or `in UNIT`');
        break;
      }
    }
  }
  return { kind: 'Split', name, source, calibrationEnd, holdoutEnd, unit, start, end: p.lastEnd };
}

/** `kind(arg, ...)`. */
function parseCall(p: Cursor, what: string): Call | null {
  const callee = p.identifier(what);
  if (!callee || !p.expect('LParen', '`(`')) return null;
  let args: Identifier[] = [];
  if (!p.at('RParen')) {
    const list = commaSeparated(p, () => p.identifier('a name'));
    if (!list.complete) return null;
    args = list.items;
  }
  if (!p.expect('RParen', '`)` or `,`')) return null;
  return { kind: 'Call', callee, args, start: callee.start, end: p.lastEnd };
}

export function parseModel(p: Cursor, start: number): ModelStatement {
  const { name, ok } = parseHeader(p, 'model');
  const call = ok ? parseCall(p, 'a model kind (bgnbd, pareto_nbd, mbgnbd, bgbb, gamma_gamma or sbg)') : null;
  const block = call ? optionalBlock(p) : blockAfterError(p);
  return { kind: 'Model', name, call, block, start, end: p.lastEnd };
}

export function parseValue(p: Cursor, start: number): ValueStatement {
  const { name, ok } = parseHeader(p, 'value');
  const call = ok ? parseCall(p, '`lifetime_value`') : null;
  const block = call ? optionalBlock(p) : blockAfterError(p);
  return { kind: 'Value', name, call, block, start, end: p.lastEnd };
}

export function parseTable(p: Cursor, start: number): TableStatement {
  const { name, ok } = parseHeader(p, 'table');
  const target = ok ? p.identifier('the definition to tabulate') : null;
  const block = target ? optionalBlock(p) : blockAfterError(p);
  return { kind: 'Table', name, target, block, start, end: p.lastEnd };
}
