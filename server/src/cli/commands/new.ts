// `clvnb new --from SAMPLE --data FILE --out NOTEBOOK`: starts an analysis from a sample.
// Copies the sample notebook, rewrites its transaction source to read the user's file with
// the user's columns (each checked against the file's header), repoints the sample's other
// data files so the notebook still runs, and optionally moves the split's dates.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { formatCell, sourceKindOf, type SourceStatement, type SplitStatement } from '../../language';
import { serializeNotebook } from '../../notebook-file';
import { stringOption, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../errors';
import type { SampledColumn } from '../../lsp/schema/read-schema';
import { formatOf, readColumns } from '../data-file';
import { applyEdits, statementsOf, type TextEdit } from '../new/rewrite';
import { resolveSample } from '../new/sample';
import { mappedColumn, sourceText } from '../new/transaction-source';
import { isClvCell, loadNotebook } from '../notebook-io';
import { writeOutputFile } from '../output-file';
import { print } from '../terminal';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A path from the new notebook's folder, with forward slashes (notebooks are shared across platforms). */
const fromNotebook = (out: string, target: string) =>
  relative(dirname(resolve(out)), resolve(target))
    .split(sep)
    .join('/');

function required(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (!value) throw new UsageError(`missing --${name}`, 'new');
  return value;
}

/** The user's column for a role: the option if given, else the sample's column; it must exist in the file. */
function chooseColumn(
  columns: SampledColumn[],
  file: string,
  role: string,
  given: string | undefined,
  sampleColumn: string | undefined,
): string | undefined {
  const column = given ?? sampleColumn;
  if (column === undefined || columns.some((c) => c.name === column)) return column;
  const how = given ? `--${role} ${given}` : `the sample's ${role} column '${column}' (pass --${role} COL)`;
  throw new InputError(
    `no column '${column}' for ${how}; the file's columns are: ${columns.map((c) => c.name).join(', ')}`,
    file,
  );
}

/** YYYYMMDD and ISO are recognised from the first values; anything else must be given. */
function sniffDateFormat(columns: SampledColumn[], file: string, column: string): string | undefined {
  const values = columns.find((c) => c.name === column)!.samples.filter((v) => v !== '');
  if (values.length && values.every((v) => DATE.test(v))) return undefined;
  if (values.length && values.every((v) => /^\d{8}$/.test(v))) return 'YYYYMMDD';
  throw new InputError(
    `cannot tell the date format of column '${column}' (first value '${values[0] ?? ''}'); pass --date-format, e.g. "DD/MM/YYYY"`,
    file,
  );
}

function checkDate(option: string, value: string | undefined): string | undefined {
  // Date.parse accepts 1997-02-30 (it rolls over to March); a real date prints back unchanged.
  const real = (v: string) =>
    DATE.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
  if (value !== undefined && !real(value))
    throw new UsageError(`--${option} must be a date like 2024-06-30, not '${value}'`, 'new');
  return value;
}

export const newCommand: Command = {
  spec: {
    name: 'new',
    summary: 'Start a notebook from a sample analysis, on your own transaction file.',
    positionals: '',
    synopsis: '--from SAMPLE --data FILE --out NOTEBOOK [options]',
    minPositionals: 0,
    maxPositionals: 0,
    options: {
      from: {
        type: 'string',
        valueName: 'SAMPLE',
        description: 'sample name (a folder of samples/), or a .clvnb file or folder',
      },
      data: {
        type: 'string',
        valueName: 'FILE',
        description: 'your transaction file (.csv, .tsv, .txt, .json, .parquet, .arrow)',
      },
      out: { type: 'string', valueName: 'NOTEBOOK', description: 'the notebook to create' },
      customer: { type: 'string', valueName: 'COL', description: "customer id column (default: the sample's)" },
      date: { type: 'string', valueName: 'COL', description: "transaction date column (default: the sample's)" },
      amount: { type: 'string', valueName: 'COL', description: "spend column (default: the sample's, if it uses one)" },
      'date-format': {
        type: 'string',
        valueName: 'FMT',
        description: 'ISO, YYYYMMDD or a pattern like DD/MM/YYYY (default: recognised)',
      },
      'calibration-end': { type: 'string', valueName: 'DATE', description: "move the split's calibration end to DATE" },
      'holdout-end': { type: 'string', valueName: 'DATE', description: "move the split's holdout end to DATE" },
      force: { type: 'boolean', description: 'overwrite NOTEBOOK if it exists' },
    },
    details: `
Copies the sample notebook to NOTEBOOK and rewrites its transaction source to read FILE
(path written relative to NOTEBOOK) with your columns. Each column must be in the file's
header. The sample's other data files are referred to where they are, so the notebook
runs as it is. Models, values, segments and charts are kept as in the sample.

Exit code: 0 when the notebook was written, 1 when the sample, the data file or a
column is wrong.`,
  },
  async run(args) {
    const [from, data, out] = [required(args, 'from'), required(args, 'data'), required(args, 'out')];
    const calibrationEnd = checkDate('calibration-end', stringOption(args, 'calibration-end'));
    const holdoutEnd = checkDate('holdout-end', stringOption(args, 'holdout-end'));
    if (existsSync(out) && !args.values.force) throw new InputError('already exists (pass --force to overwrite)', out);
    const format = formatOf(data);

    const samplePath = resolveSample(from);
    const sample = await loadNotebook(samplePath);
    const texts = sample.cells.map((c) => (isClvCell(c) ? c.source : null));
    const statements = statementsOf(texts);
    const found = statements.find((s) => s.statement.kind === 'Source' && sourceKindOf(s.statement) === 'transactions');
    if (!found)
      throw new InputError(
        'the sample has no transaction source (a source mapping customer and date) to rewrite',
        samplePath,
      );
    const source = found.statement as SourceStatement;

    const columns = readColumns(data, format);
    const customer = chooseColumn(
      columns,
      data,
      'customer',
      stringOption(args, 'customer'),
      mappedColumn(source, 'customer'),
    )!;
    const date = chooseColumn(columns, data, 'date', stringOption(args, 'date'), mappedColumn(source, 'date'))!;
    const sampleAmount = mappedColumn(source, 'amount');
    const amount = chooseColumn(columns, data, 'amount', stringOption(args, 'amount'), sampleAmount);
    const dateFormat = stringOption(args, 'date-format') ?? sniffDateFormat(columns, data, date);

    const edits: TextEdit[] = [
      {
        cellIndex: found.cellIndex,
        ...source,
        text: sourceText({
          name: source.name?.name ?? 'orders',
          format,
          path: fromNotebook(out, data),
          customer,
          date,
          dateFormat,
          amount,
        }),
      },
    ];
    for (const { cellIndex, statement } of statements) {
      // The sample's other data files stay where they are; point at them from the new notebook.
      if (statement.kind === 'Source' && statement !== source && statement.path) {
        edits.push({
          cellIndex,
          ...statement.path,
          text: JSON.stringify(fromNotebook(out, resolve(sample.dir, statement.path.value))),
        });
      }
      if (statement.kind === 'Split' && statement.source?.name === source.name?.name)
        edits.push(...splitEdits(cellIndex, statement, calibrationEnd, holdoutEnd));
    }
    const edited = applyEdits(texts, edits);
    const cells = sample.file.cells.map((cell, i) =>
      edited[i] !== null && edited[i] !== texts[i] ? { ...cell, source: formatCell(edited[i]) } : cell,
    );
    await writeOutputFile(out, serializeNotebook({ ...sample.file, cells }));
    print(
      `created ${out} from ${relative(process.cwd(), samplePath)}; source \`${source.name?.name}\` reads ${fromNotebook(out, data)}\n`,
    );
    if (!calibrationEnd)
      print(`note: check the split dates against your data's date range (--calibration-end, --holdout-end)\n`);
    for (const item of source.block?.items ?? []) {
      if (item.kind === 'Where')
        print(
          `note: dropped the sample's filter \`${sample.cells[found.cellIndex].source.slice(item.start, item.end)}\`; add filters for your data in the source block\n`,
        );
    }
    print(`next: clvnb run ${out} --html report.html\n`);
    return EXIT.ok;
  },
};

function splitEdits(
  cellIndex: number,
  split: SplitStatement,
  calibrationEnd: string | undefined,
  holdoutEnd: string | undefined,
): TextEdit[] {
  const edits: TextEdit[] = [];
  if (calibrationEnd && split.calibrationEnd) edits.push({ cellIndex, ...split.calibrationEnd, text: calibrationEnd });
  if (holdoutEnd && split.holdoutEnd) edits.push({ cellIndex, ...split.holdoutEnd, text: holdoutEnd });
  // A sample without a holdout gets one after its calibration end.
  else if (holdoutEnd && split.calibrationEnd)
    edits.push({
      cellIndex,
      start: split.calibrationEnd.end,
      end: split.calibrationEnd.end,
      text: `, holdout until ${holdoutEnd}`,
    });
  return edits;
}
