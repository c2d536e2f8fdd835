// How a text is written as a `clv` string literal: in double quotes, with the language's only
// two escapes (`\"` and `\\`). The lexer reads them back; everything that writes clv source
// (the formatter, `clvnb new`, `clvnb diff`'s data snapshots) quotes through this.
export const quoteString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&')}"`;
