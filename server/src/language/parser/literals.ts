// Literal values shared by conditions and block options: numbers (optionally with a time unit,
// making a duration, or `per` a unit, making a rate), percents, strings, dates, booleans.
import type {
  BooleanLiteral,
  DateLiteral,
  Literal,
  NumberLiteral,
  PercentLiteral,
  StringLiteral,
  UnitName,
} from '../ast';
import { keywordsFor, unitOf } from '../catalog/keywords';
import { orList } from '../suggest';
import type { Token } from '../lexer';
import type { Cursor } from './cursor';

/** "days, weeks, months or years", for messages. */
export const UNIT_CHOICES = orList(keywordsFor('unit'));

export function atUnit(p: Cursor): boolean {
  return p.at('Ident') && unitOf(p.token.text) !== undefined;
}

export function unitName(t: Token): UnitName {
  return { kind: 'Unit', unit: unitOf(t.text)!, raw: t.text, start: t.start, end: t.end };
}

export function numberLiteral(t: Token): NumberLiteral {
  return { kind: 'Number', value: Number(t.text), raw: t.text, start: t.start, end: t.end };
}

export function percentLiteral(t: Token): PercentLiteral {
  const raw = t.text.slice(0, -1);
  return { kind: 'Percent', value: Number(raw), raw, start: t.start, end: t.end };
}

export function stringLiteral(t: Token): StringLiteral {
  const body = t.terminated ? t.text.slice(1, -1) : t.text.slice(1);
  const value = body.includes('\\') ? body.replace(/\\(.)/g, '$1') : body;
  return { kind: 'String', value, raw: t.text, start: t.start, end: t.end };
}

export function dateLiteral(t: Token): DateLiteral {
  return { kind: 'Date', value: t.text, start: t.start, end: t.end };
}

/** Reports an unterminated string (the lexer ends it at the line's end). */
export function checkString(p: Cursor, t: Token): void {
  if (t.terminated === false) p.error(t, 'unterminated-string', 'this string has no closing `"`');
}

/**
 * A literal at the cursor, or null (nothing consumed) when the current token does not start
 * one. `12 months` is a duration; `10% per year` and `100 per month` are rates.
 */
export function parseLiteral(p: Cursor): Literal | null {
  const t = p.token;
  switch (t.kind) {
    case 'Number': {
      p.bump();
      const amount = numberLiteral(t);
      if (atUnit(p)) {
        const unit = unitName(p.bump());
        return { kind: 'Duration', amount, unit, start: t.start, end: unit.end };
      }
      return parseRate(p, amount);
    }
    case 'Percent':
      p.bump();
      return parseRate(p, percentLiteral(t));
    case 'String':
      p.bump();
      checkString(p, t);
      return stringLiteral(t);
    case 'Date':
      p.bump();
      return dateLiteral(t);
    case 'Ident':
      if (p.atWord('true') || p.atWord('false')) {
        p.bump();
        const literal: BooleanLiteral = { kind: 'Boolean', value: t.text === 'true', start: t.start, end: t.end };
        return literal;
      }
      return null;
    default:
      return null;
  }
}

function parseRate(p: Cursor, amount: NumberLiteral | PercentLiteral): Literal {
  if (!p.atWord('per')) return amount;
  p.bump();
  if (!atUnit(p)) {
    p.errorExpected(`a time unit after \`per\` (${UNIT_CHOICES})`);
    return amount;
  }
  const per = unitName(p.bump());
  return { kind: 'Rate', amount, per, start: amount.start, end: per.end };
}
