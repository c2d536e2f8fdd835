// The date format of the user's date column for `clvnb new`: the data layer's inference (the
// reader behind column completion and `clvnb columns`), never a second detector. When the
// sampled dates read two ways (05/06/2022: 5 June or 6 May) the user chooses, with --date-format
// on the command line or from a pick list in the editor; both show what each format makes of
// the first values.
import { dateFormatMismatches, dateParser, isoDate, parseDateText } from '../../data';
import type { SampledColumn } from '../../lsp/schema/columns';
import { InputError, UsageError } from '../errors';

/** A format and what it reads the column's first values as (ISO dates). */
export interface DateReading {
  format: string;
  firstDates: string[];
}

const SHOWN = 3;

/** The readings of an ambiguous date column, one per format; empty when the column's dates read one way. */
export function dateReadings(column: SampledColumn): DateReading[] {
  if (!column.dateFormats) return [];
  const firsts = column.samples.filter((s) => s !== '').slice(0, SHOWN);
  return column.dateFormats.map((format) => {
    const parse = dateParser(format);
    if (typeof parse === 'string') throw new Error(`inferred date format ${format}: ${parse}`);
    return { format, firstDates: firsts.map((s) => isoDate(parseDateText(parse, s))) };
  });
}

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The format to write on the source's date mapping: the one given (checked against the
 * sampled values), else the one the data layer inferred; undefined means ISO, the language's
 * default.
 */
export function chooseDateFormat(column: SampledColumn, given: string | undefined, file: string): string | undefined {
  const firsts = column.samples.filter((s) => s !== '').slice(0, SHOWN);
  if (given !== undefined) {
    const parse = dateParser(given);
    if (typeof parse === 'string') throw new UsageError(`--date-format ${given}: ${parse}`, 'new');
    const [bad] = dateFormatMismatches(given, column.samples);
    if (bad !== undefined)
      throw new InputError(`--date-format ${given} does not read the value '${bad}' of column '${column.name}'`, file);
    return given.toUpperCase() === 'ISO' || given === 'YYYY-MM-DD' ? undefined : given;
  }
  if (column.inferred !== 'date' || !column.dateFormat)
    throw new InputError(
      `column '${column.name}' does not hold dates in a format the tools recognise (first values ${quoted(firsts)}); ` +
        'pass --date-format with its pattern, e.g. "DD.MM.YY"',
      file,
    );
  const readings = dateReadings(column);
  if (readings.length > 1) {
    const choices = readings.map((r) => `--date-format ${r.format} (${firsts[0]} is ${r.firstDates[0]})`);
    throw new InputError(
      `the dates of column '${column.name}' read more than one way: no sampled value has a day above 12 ` +
        `(first values ${quoted(firsts)}); ` +
        `pass ${choices.join(' or ')}`,
      file,
    );
  }
  return column.dateFormat === 'ISO' ? undefined : column.dateFormat;
}
