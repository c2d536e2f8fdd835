// How a text is written as a `clv` string literal: in double quotes, with the language's only
// two escapes (`\"` and `\\`). The lexer reads them back; everything that writes clv source
// (the formatter, `clvnb new`, `clvnb diff`'s data snapshots) quotes through this. A string
// cannot hold a line break: the lexer ends every string at the end of its line.
import { lex } from './lexer';

export const quoteString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&')}"`;

/** Whether `text` can be written in a string literal (it holds no line break). */
export const canQuote = (text: string): boolean => !/[\r\n]/.test(text);

/**
 * A name (a column's) as clv writes it: bare when the lexer reads it back as that one name and
 * it is not a boolean literal, else quoted. Bare names read best, so `clvnb new` and
 * `clvnb columns` write `order_date` and `"Order Date"`.
 */
export function writeName(name: string): string {
  const tokens = lex(name).tokens;
  const bare =
    tokens.count === 2 && // the name and EOF
    tokens.token(0).kind === 'Ident' &&
    tokens.token(0).text === name &&
    name !== 'true' &&
    name !== 'false';
  return bare ? name : quoteString(name);
}
