// The prose of a new notebook. The sample's prose is about the sample's data (CDNOW's 2,357
// customers, its published estimates, its 1997 dates), so it is not kept: each Markdown cell
// keeps only its headings, which name the analysis' steps, and the notebook says instead what
// is known about the user's file (purchases, customers, date range, columns), why the split
// dates are where they are, and which sample the analysis came from, with a link to it.
import type { ChosenSplit } from './split-dates';

export interface DataFacts {
  /** The data file as the notebook refers to it (relative to the notebook). */
  path: string;
  purchases: number;
  customers: number;
  /** Customers who bought on more than one day: the repeat buying the models describe. */
  repeatCustomers: number;
  /** Rows the loader could not read (the source cell lists them when it runs). */
  rejectedRows: number;
  firstDate: string;
  lastDate: string;
  customer: string;
  date: string;
  /** As written on the mapping; undefined is ISO. */
  dateFormat?: string;
  amount?: string;
  /** The file's header had names with line breaks: the source names its columns. */
  renamedColumns: boolean;
}

export interface SampleFacts {
  title: string;
  /** Relative link from the new notebook to the sample notebook. */
  link: string;
}

/** How the split dates came to be: chosen from the data, or given by the user. */
export type SplitChoice = { chosen: ChosenSplit } | { given: { calibrationEnd: string; holdoutEnd?: string } };

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
const percent = (part: number, whole: number) => `${whole ? Math.round((100 * part) / whole) : 0}%`;
const longDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
const code = (name: string) => `\`${name.replace(/`/g, "'")}\``;
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The heading lines of a sample's Markdown cell (the rest of its prose is about the sample's data). */
export const headingsOf = (markdown: string): string[] => markdown.split(/\r?\n/).filter((l) => /^#{1,6}\s/.test(l));

/** The notebook's title and opening paragraphs; `leftOut` are the sample's steps left out for want of amounts. */
export function introMarkdown(facts: DataFacts, sample: SampleFacts, leftOut: string[] = []): string {
  const rejected = facts.rejectedRows
    ? ` ${plural(facts.rejectedRows, 'row')} could not be read; the source's output lists them with their line numbers.`
    : '';
  return [
    `# Customer lifetime value: ${fileName(facts.path)}`,
    `${code(facts.path)} holds ${plural(facts.purchases, 'purchase')} by ${plural(facts.customers, 'customer')}, ` +
      `from ${longDate(facts.firstDate)} to ${longDate(facts.lastDate)}. ${count(facts.repeatCustomers)} of them ` +
      `(${percent(facts.repeatCustomers, facts.customers)}) bought on more than one day: the repeat buying the ` +
      `models below describe.${rejected}`,
    `This notebook started from the sample [${sample.title}](${encodeURI(sample.link)}): ` +
      (leftOut.length
        ? 'its steps that need no spend amounts, run on this file. '
        : 'the same models, value and segments, run on this file. ') +
      `The sample's notes explain each step and how to read its outputs; ` +
      `the prose here is about this file only, so add your own as you go.`,
  ].join('\n\n');
}

/** What the transaction source reads, and which of the sample's steps are left out for want of amounts. */
export function sourceMarkdown(facts: DataFacts, leftOut: string[] = []): string {
  const date = `${code(facts.date)} (read as ${facts.dateFormat ?? 'ISO'})`;
  const amount = facts.amount
    ? ` and the amount spent ${code(facts.amount)}`
    : '; the file has no amount, so only purchase models apply';
  const gone = leftOut.length
    ? ` The sample's steps that need spend amounts are left out: ${leftOut.map(code).join(', ')}.`
    : '';
  const renamed = facts.renamedColumns
    ? " Some of the file's column names hold line breaks, which a notebook cannot write, so the source names the columns itself (`columns`), with the breaks as spaces."
    : '';
  return `One row per purchase: the customer is ${code(facts.customer)}, the date ${date}${amount}.${gone}${renamed}`;
}

/** Why the split dates are where they are. */
export function splitMarkdown(facts: DataFacts, split: SplitChoice): string {
  const range = `The data run from ${facts.firstDate} to ${facts.lastDate}.`;
  if ('given' in split) {
    const holdout = split.given.holdoutEnd ? `, holdout until ${split.given.holdoutEnd}` : '';
    return `${range} The split dates (calibration until ${split.given.calibrationEnd}${holdout}) were chosen when the notebook was created.`;
  }
  const { calibrationEnd, holdoutEnd, holdoutWeeks } = split.chosen;
  return (
    `${range} The models are fitted on purchases until ${calibrationEnd} and checked against the last ` +
    `${plural(holdoutWeeks, 'week')}, to ${holdoutEnd} (the last date in the file), which they have not seen. ` +
    'These dates were chosen from the data when the notebook was created: a holdout of half the date range, ' +
    'at most a year, so that calibration is long enough to see repeat purchases and the holdout long enough ' +
    'to judge the predictions. Move them in the cell below to suit your question.'
  );
}
