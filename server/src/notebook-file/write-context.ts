// What a cell writer needs to know about its surroundings.

import { isBlankText } from './lines';

/**
 * What the text written so far ends with: the start of the file, a cell that has ended
 * (code, counted Markdown, front matter), or plain Markdown that a following plain line
 * would continue (so the next plain Markdown cell needs a separator).
 */
export type Before = 'start' | 'closed' | 'markdown';

export interface WriteContext {
  /** Line break for new lines. */
  eol: string;
  before: Before;
  /** The cell is last and nothing follows it, so it may end without a line break. */
  mayEndFile: boolean;
  /** Write Markdown in the counted form (used when plain text would be misread as front matter or a BOM). */
  forceCounted: boolean;
}

export interface Written {
  text: string;
  leaves: Before;
}

/** One blank line between cells, none at the top of the file. */
export const canonicalLead = (context: WriteContext) => (context.before === 'start' ? '' : context.eol);

/** Blank lines that end with a line break, so whatever follows starts a line of its own. */
export const isBlankLead = (lead: string) => lead === '' || (isBlankText(lead) && /[\r\n]$/.test(lead));

/** `lead` if it is usable blank lines, else the canonical lead. */
export const blankLead = (lead: string | undefined, context: WriteContext) =>
  lead !== undefined && isBlankLead(lead) ? lead : canonicalLead(context);

/**
 * The line break to write before `source`: a lone CR followed by a source starting with LF
 * would be read back as one CRLF break, losing the source's first (empty) line.
 */
export const breakBefore = (source: string, eol: string) => (eol === '\r' && source.startsWith('\n') ? '\r\n' : eol);
