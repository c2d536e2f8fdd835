// Option blocks `{ ... }` of sources, models, values, tables and exports. An item is an option
// (`horizon 12 months`, `columns a, b`), a mapping (`date = date as "YYYYMMDD"`) or a filter
// (`where sales > 0`). Items end at a newline, or at the next item's name on the same line,
// so `{ penalty 0.001  max_iterations 500 }` is two options.
import type { Block, BlockItem, ColumnName, Identifier, OptionValue } from '../ast';
import { describe, type Cursor } from './cursor';
import { parseCondition } from './expressions';
import { checkString, parseLiteral, stringLiteral } from './literals';
import { parseBraced } from './braced';
import { commaSeparated } from './lists';

/** Parses `{ items }` at the cursor (which is at `{`). */
export function parseBlock(p: Cursor): Block {
  // Another item may follow on the same line once an item parsed (`{ penalty 1  max_iterations 9 }`).
  const { items, open, closed } = parseBraced(p, parseItem, 'block item', (item) => item !== null && p.at('Ident'));
  return { kind: 'Block', items, closed, start: open.start, end: p.lastEnd };
}

/** A block if one opens at the cursor. */
export function optionalBlock(p: Cursor): Block | null {
  return p.at('LBrace') ? parseBlock(p) : null;
}

/**
 * After a header error: skip the rest of the header but still parse a block that opens on
 * the same line, so errors inside it are reported and its lines are not taken for statements.
 */
export function blockAfterError(p: Cursor): Block | null {
  p.skipLine('LBrace');
  return optionalBlock(p);
}

function parseItem(p: Cursor): BlockItem | null {
  const t = p.token;
  if (t.kind !== 'Ident') {
    p.error(
      t,
      'expected-token',
      `expected an option, a mapping (\`role = column\`) or \`where\`, found ${describe(t)}`,
    );
    p.skipLine('RBrace');
    return null;
  }
  const start = t.start;
  if (t.text === 'where') {
    p.bump();
    const condition = parseCondition(p);
    return { kind: 'Where', condition, start, end: p.lastEnd };
  }
  const name: Identifier = { kind: 'Identifier', name: t.text, start: t.start, end: t.end };
  p.bump();
  if (p.at('Op') && p.token.text === '=') {
    p.bump();
    return parseMapping(p, name);
  }
  const values = commaSeparated(p, (count) =>
    parseOptionValue(p, count === 0 ? `a value for \`${name.name}\`` : 'a value after `,`'),
  ).items;
  return { kind: 'Option', name, values, start, end: p.lastEnd };
}

function parseOptionValue(p: Cursor, what: string): OptionValue | null {
  const start = p.token.start;
  const literal = parseLiteral(p);
  if (literal) return { kind: 'OptionValue', value: literal, order: null, start: literal.start, end: literal.end };
  if (!p.at('Ident')) {
    p.errorExpected(what);
    return null;
  }
  const value = p.identifier(what)!;
  let order: Identifier | null = null;
  if (p.atWord('asc') || p.atWord('desc')) order = p.identifier('`asc` or `desc`');
  return { kind: 'OptionValue', value, order, start, end: p.lastEnd };
}

function parseMapping(p: Cursor, role: Identifier): BlockItem {
  const columns = commaSeparated(p, (count): ColumnName | null => {
    const t = p.token;
    if (t.kind === 'Ident') {
      p.bump();
      return { kind: 'ColumnName', name: t.text, quoted: false, start: t.start, end: t.end };
    }
    if (t.kind === 'String') {
      p.bump();
      checkString(p, t);
      return { kind: 'ColumnName', name: stringLiteral(t).value, quoted: true, start: t.start, end: t.end };
    }
    p.errorExpected(count ? 'a column name after `,`' : `a column name after \`${role.name} =\``);
    return null;
  }).items;
  let format = null;
  if (p.eatWord('as')) {
    const t = p.token;
    if (t.kind === 'String') {
      p.bump();
      checkString(p, t);
      format = stringLiteral(t);
    } else if (t.kind === 'Ident') {
      format = p.identifier('a date format')!;
    } else {
      p.errorExpected('a date format after `as` (ISO, YYYYMMDD or a pattern such as "DD/MM/YYYY")');
    }
  }
  return { kind: 'Mapping', role, columns, format, start: role.start, end: p.lastEnd };
}
