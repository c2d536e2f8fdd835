// `clvnb columns FILE`: what the tools see in a data file before a source is written for it:
// each column's name, inferred type (a date with the format that reads every sampled value)
// and first values. The editor's "CLV: New Notebook…" asks this (with --json) for the
// columns it offers, so the editor, completion and `clvnb new` read a file the same way.
import { stringOption } from '../args';
import type { Command } from '../command';
import { FORMATS, formatOf, readColumns } from '../data-file';
import { EXIT, UsageError } from '../errors';
import { describeColumnType } from '../../lsp/schema/columns';
import { canQuote, writeName } from '../../language';
import { dateReadings } from '../new/date-format';
import { writableName } from '../new/transaction-source';
import { textTable } from '../text-table';
import { print, printRaw, printableJson, printableLine } from '../terminal';

const SHOWN_SAMPLES = 3;

export const columnsCommand: Command = {
  spec: {
    name: 'columns',
    summary: "List a data file's columns with their types and first values.",
    positionals: 'FILE',
    minPositionals: 1,
    maxPositionals: 1,
    options: {
      format: {
        type: 'string',
        valueName: 'FORMAT',
        description: `${FORMATS.join(', ')} (default: from the extension)`,
      },
      delimiter: {
        type: 'string',
        valueName: 'CHAR',
        description: "field separator of csv/tsv/text files (default: the format's)",
      },
      'no-header': {
        type: 'boolean',
        description: 'the file has no header line: its columns are named column1, column2, ...',
      },
      json: {
        type: 'boolean',
        description: 'print a JSON array of { name, type, dateFormat?, dateReadings?, samples }',
      },
    },
    details: `
Reads the header and the first rows of FILE (Parquet: the file's footer) the way the
editor does for column completion, and prints one line per column: its name, its type
(integer, number, date with the format that reads every sampled value, string) and its
first values. Names are written as a source writes them (quoted unless a bare name), so they
can be copied into a source's column mapping; use the type for its date format.

Exit code: 0 when the columns were read, 1 when the file cannot be read.`,
  },
  async run(args) {
    const [file] = args.positionals;
    const format = stringOption(args, 'format') ?? formatOf(file);
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`, 'columns');
    const columns = readColumns(file, format, {
      delimiter: stringOption(args, 'delimiter'),
      header: args.values['no-header'] !== true,
    });
    if (args.values.json === true) {
      const json = columns.map((c) => ({
        name: c.name,
        type: c.inferred,
        ...(c.dateFormat ? { dateFormat: c.dateFormat } : {}),
        ...(c.dateFormats ? { dateReadings: dateReadings(c) } : {}),
        samples: c.samples,
      }));
      printRaw(printableJson(json) + '\n');
      return EXIT.ok;
    }
    // Names as a source writes them (`order_date`, `"Order Date"`), so they can be copied into one.
    const rows = columns.map((c) => [
      writeName(writableName(c.name)),
      describeColumnType(c),
      c.samples
        .filter((s) => s !== '')
        .slice(0, SHOWN_SAMPLES)
        .map(printableLine)
        .join(', '),
    ]);
    print(textTable(['column', 'type', 'first values'], rows, '', true) + '\n');
    for (const c of columns.filter((c) => !canQuote(c.name)))
      print(
        `note: ${writeName(writableName(c.name))} holds a line break in the file (${printableLine(c.name)}), which a string cannot: a source names the file's columns with \`columns\`, the break as a space (clvnb new does this)\n`,
      );
    return EXIT.ok;
  },
};
