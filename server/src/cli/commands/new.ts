// `clvnb new --from SAMPLE --data FILE --out NOTEBOOK`: starts an analysis from a sample.
// Copies the sample notebook, rewrites its transaction source to read the user's file with
// the user's columns (each checked against the file's header) and date format (the data
// layer's inference, or the user's choice when the dates read two ways), repoints the sample's
// other data files so the notebook still runs, moves the split's dates into the file's date
// range, and replaces the sample's prose about its own data with notes about the user's.
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { formatCell, sourceKindOf, type SourceStatement, type SplitStatement } from '../../language';
import { serializeNotebook } from '../../notebook-file';
import { stringOption, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../errors';
import type { SampledColumn } from '../../lsp/schema/columns';
import { formatOf, readColumns } from '../data-file';
import { chooseDateFormat } from '../new/date-format';
import {
  headingsOf,
  introMarkdown,
  sourceMarkdown,
  splitMarkdown,
  type DataFacts,
  type SplitChoice,
} from '../new/narrative';
import { readPurchases } from '../new/read-purchases';
import { withoutAmountSteps } from '../new/without-amounts';
import { applyEdits, statementsOf, type TextEdit } from '../new/rewrite';
import { resolveSample } from '../new/sample';
import { chooseSplit, MIN_SPLIT_DAYS } from '../new/split-dates';
import { mappedColumn, sourceColumnNames, sourceText } from '../new/transaction-source';
import { isoDate } from '../../data';
import type { NotebookCell } from '../../notebook-file';
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
      'no-amount': {
        type: 'boolean',
        description: 'the file has no spend column: map no amount, leave out the steps that need one',
      },
      'date-format': {
        type: 'string',
        valueName: 'FMT',
        description:
          'ISO, YYYYMMDD or a pattern like DD/MM/YYYY (default: recognised; asked when the dates read two ways)',
      },
      'calibration-end': {
        type: 'string',
        valueName: 'DATE',
        description: "the split's calibration end (default: chosen from the file's dates)",
      },
      'holdout-end': {
        type: 'string',
        valueName: 'DATE',
        description: "the split's holdout end (default: the file's last date)",
      },
      force: { type: 'boolean', description: 'overwrite NOTEBOOK if it exists' },
    },
    details: `
Copies the sample notebook to NOTEBOOK and rewrites its transaction source to read FILE
(path written relative to NOTEBOOK) with your columns. Each column must be in the file's
header. The date format is recognised from the first rows as \`clvnb columns\` shows it;
when the dates read two ways (05/06/2022: 5 June or 6 May) pass --date-format. The split's
dates are chosen from the file's date range (the holdout is the last half of it, at most
52 weeks, ending on the file's last date) unless given. The sample's other data files are
referred to where they are, so the notebook runs as it is. Models, values, segments and
charts are kept as in the sample; with --no-amount, the steps that need spend amounts
(a spend model, a value on it and what reads them) are left out and listed. The sample's
prose, which is about its own data, is replaced by notes about yours and a link to the sample.

Exit code: 0 when the notebook was written, 1 when the sample, the data file or a
column is wrong.`,
  },
  async run(args) {
    const [from, data, out] = [required(args, 'from'), required(args, 'data'), required(args, 'out')];
    const givenCalibrationEnd = checkDate('calibration-end', stringOption(args, 'calibration-end'));
    const givenHoldoutEnd = checkDate('holdout-end', stringOption(args, 'holdout-end'));
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

    const header = readColumns(data, format);
    const named = sourceColumnNames(
      header.map((c) => c.name),
      data,
    );
    // Columns under the names the notebook will use; an option may give a column by either name.
    const columns = header.map((c, k) => ({ ...c, name: named.names[k] }));
    const option = (role: string) => {
      const given = stringOption(args, role);
      const k = header.findIndex((c) => c.name === given);
      return k >= 0 ? named.names[k] : given;
    };
    const customer = chooseColumn(columns, data, 'customer', option('customer'), mappedColumn(source, 'customer'))!;
    const date = chooseColumn(columns, data, 'date', option('date'), mappedColumn(source, 'date'))!;
    if (args.values['no-amount'] && stringOption(args, 'amount'))
      throw new UsageError('--amount and --no-amount exclude each other', 'new');
    const amount = args.values['no-amount']
      ? undefined
      : chooseColumn(columns, data, 'amount', option('amount'), mappedColumn(source, 'amount'));
    const dateFormat = chooseDateFormat(
      columns.find((c) => c.name === date)!,
      stringOption(args, 'date-format'),
      data,
    );
    const chosen = {
      customer,
      date,
      dateFormat,
      amount,
      columns: named.renamed ? named.names : undefined,
    };
    const purchases = await readPurchases({ path: resolve(data), format, ...chosen }, data);
    const facts: DataFacts = {
      ...chosen,
      ...purchases,
      path: fromNotebook(out, data),
      firstDate: isoDate(purchases.firstDay),
      lastDate: isoDate(purchases.lastDay),
      renamedColumns: named.renamed,
    };

    const sampleSplit = statements.find(
      (s) => s.statement.kind === 'Split' && s.statement.source?.name === source.name?.name,
    );
    const split = splitChoice(
      sampleSplit?.statement as SplitStatement | undefined,
      purchases,
      givenCalibrationEnd,
      givenHoldoutEnd,
      data,
    );

    const edits: TextEdit[] = [
      {
        cellIndex: found.cellIndex,
        ...source,
        text: sourceText({ name: source.name?.name ?? 'orders', format, ...chosen, path: facts.path }),
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
    }
    if (sampleSplit && split)
      edits.push(...splitEdits(sampleSplit.cellIndex, sampleSplit.statement as SplitStatement, split));
    // Without amounts, the steps that need them go (without-amounts.ts); a cell they emptied goes too.
    const pruned = amount === undefined ? withoutAmountSteps(applyEdits(texts, edits)) : undefined;
    const edited = pruned?.texts ?? applyEdits(texts, edits);
    const leftOut = pruned?.leftOut.map((s) => s.summary) ?? [];
    const code = sample.file.cells.map((cell, i) =>
      edited[i] !== null && edited[i] !== texts[i] ? { ...cell, source: formatCell(edited[i]) } : cell,
    );
    const cells = withNarrative(code, {
      facts,
      sample: {
        title: sample.file.metadata.title ?? relative(dirname(samplePath), samplePath),
        link: fromNotebook(out, samplePath),
      },
      sourceCell: found.cellIndex,
      split: sampleSplit && split ? { cell: sampleSplit.cellIndex, choice: split } : undefined,
      gone: new Set(edited.flatMap((text, i) => (text === '' ? [i] : []))),
      leftOut,
    });
    const metadata = {
      ...sample.file.metadata,
      title: `Customer lifetime value: ${basename(data)}`,
      description: `Started from the sample "${sample.file.metadata.title ?? basename(samplePath)}" on ${basename(data)}.`,
    };
    await writeOutputFile(out, serializeNotebook({ ...sample.file, metadata, cells }));
    print(
      `created ${out} from ${relative(process.cwd(), samplePath)}; source \`${source.name?.name}\` reads ${facts.path}\n`,
    );
    print(
      `data: ${facts.purchases.toLocaleString('en-US')} purchases by ${facts.customers.toLocaleString('en-US')} customers, ${facts.firstDate} to ${facts.lastDate}` +
        (facts.rejectedRows
          ? `; ${facts.rejectedRows.toLocaleString('en-US')} rows cannot be read (the source cell lists them)`
          : '') +
        '\n',
    );
    if (split && 'chosen' in split)
      print(
        `split: calibration until ${split.chosen.calibrationEnd}, holdout until ${split.chosen.holdoutEnd} (the last ${split.chosen.holdoutWeeks} weeks), chosen from the data; move them with --calibration-end, --holdout-end\n`,
      );
    if (leftOut.length)
      print(
        `note: the file has no amounts, so the sample's steps that need them are left out: ${leftOut.join('; ')}\n`,
      );
    if (named.renamed)
      print(
        "note: column names with line breaks are written with spaces; the source names the file's columns with `columns`\n",
      );
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

/** The split's dates: the ones given (within the data's range), else chosen from it. */
function splitChoice(
  split: SplitStatement | undefined,
  purchases: { firstDay: number; lastDay: number },
  calibrationEnd: string | undefined,
  holdoutEnd: string | undefined,
  file: string,
): SplitChoice | undefined {
  if (!split) return undefined;
  const [firstDate, lastDate] = [isoDate(purchases.firstDay), isoDate(purchases.lastDay)];
  const range = `the file's dates run from ${firstDate} to ${lastDate}`;
  if (calibrationEnd) {
    if (calibrationEnd < firstDate || calibrationEnd >= lastDate)
      throw new InputError(
        `--calibration-end ${calibrationEnd} leaves ${calibrationEnd < firstDate ? 'the calibration' : 'the holdout'} period empty: ${range}`,
        file,
      );
    if (holdoutEnd && holdoutEnd <= calibrationEnd)
      throw new UsageError(`--holdout-end ${holdoutEnd} must be after --calibration-end ${calibrationEnd}`, 'new');
    const holdout = holdoutEnd ?? (split.holdoutEnd ? lastDate : undefined);
    return { given: { calibrationEnd, holdoutEnd: holdout } };
  }
  if (holdoutEnd) throw new UsageError('--holdout-end needs --calibration-end', 'new');
  const chosen = chooseSplit(purchases.firstDay, purchases.lastDay);
  if (!chosen)
    throw new InputError(
      `${range}, under ${MIN_SPLIT_DAYS} days: too short to choose a calibration and a holdout period; pass --calibration-end (and --holdout-end) to choose them`,
      file,
    );
  return { chosen };
}

/** The sample split's dates replaced; a sample without a holdout gets one when a holdout end is chosen or given. */
function splitEdits(cellIndex: number, split: SplitStatement, choice: SplitChoice): TextEdit[] {
  const { calibrationEnd, holdoutEnd } = 'chosen' in choice ? choice.chosen : choice.given;
  const edits: TextEdit[] = [];
  if (split.calibrationEnd) edits.push({ cellIndex, ...split.calibrationEnd, text: calibrationEnd });
  if (holdoutEnd && split.holdoutEnd) edits.push({ cellIndex, ...split.holdoutEnd, text: holdoutEnd });
  else if (holdoutEnd && split.calibrationEnd)
    edits.push({
      cellIndex,
      start: split.calibrationEnd.end,
      end: split.calibrationEnd.end,
      text: `, holdout until ${holdoutEnd}`,
    });
  return edits;
}

interface NarrativePlan {
  facts: DataFacts;
  sample: { title: string; link: string };
  /** Index of the cell with the transaction source. */
  sourceCell: number;
  split?: { cell: number; choice: SplitChoice };
  /** Code cells whose statements were all left out (they need amounts). */
  gone: Set<number>;
  /** The statements left out, as the notes name them. */
  leftOut: string[];
}

const markdownCell = (source: string): NotebookCell => ({ kind: 'markup', language: 'markdown', source });

/**
 * The sample's cells with its prose replaced (narrative.ts): the first Markdown cell opens the
 * notebook with the data's facts, a Markdown cell before the source or the split says what
 * they read and why; other Markdown cells keep only their headings, or go when they have none.
 */
function withNarrative(cells: NotebookCell[], plan: NarrativePlan): NotebookCell[] {
  const out: NotebookCell[] = [];
  const notes = new Map<number, string>([[plan.sourceCell, sourceMarkdown(plan.facts, plan.leftOut)]]);
  // The split may share the source's cell: then one note says both.
  if (plan.split) {
    const before = notes.get(plan.split.cell);
    const note = splitMarkdown(plan.facts, plan.split.choice);
    notes.set(plan.split.cell, before ? `${before}\n\n${note}` : note);
  }
  // A Markdown cell whose code cells (up to the next Markdown cell) all went introduces nothing.
  const sectionGone = (i: number) => {
    let j = i + 1;
    while (j < cells.length && cells[j].kind !== 'markup' && plan.gone.has(j)) j++;
    return j > i + 1 && (j === cells.length || cells[j].kind === 'markup');
  };
  cells.forEach((cell, i) => {
    const note = notes.get(i + 1);
    if (plan.gone.has(i) || (i > 0 && cell.kind === 'markup' && sectionGone(i))) return;
    if (cell.kind === 'markup') {
      // The first cell's title is the sample's: the introduction brings its own.
      const headings = headingsOf(cell.source).filter((h) => i > 0 || !/^#\s/.test(h));
      const parts = i === 0 ? [introMarkdown(plan.facts, plan.sample, plan.leftOut), ...headings] : headings;
      if (note) {
        parts.push(note);
        notes.delete(i + 1);
      }
      if (parts.length) out.push({ ...cell, source: parts.join('\n\n') });
      return;
    }
    // A code cell the notes are about, with no Markdown cell before it: the note gets its own.
    if (i === 0) out.push(markdownCell(introMarkdown(plan.facts, plan.sample, plan.leftOut)));
    const own = notes.get(i);
    if (own) out.push(markdownCell(own));
    out.push(cell);
  });
  return out;
}
