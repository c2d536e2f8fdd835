// `clvnb diff [REV] NOTEBOOK [--then-data SOURCE=FILE]`: what a change does to segments.
// Two kinds of change are reviews: the rules (the notebook at REV against now, on the same
// data) and the data (the same rules on last month's snapshot against this month's), or
// both. Runs the "then" and "now" notebooks and reports per segments block the rules that
// changed and how customers and predicted value move between segments.
import { stringOption, stringOptions } from '../args';
import { parseCell } from '../../language';
import type { Command } from '../command';
import type { DiffReport, SegmentsDiff } from '../diff/diff-report';
import { segmentsRun, type SegmentsRun } from '../diff/membership';
import { migrationMatrix } from '../diff/migration';
import { parseSnapshotOptions, withDataSnapshot } from '../diff/data-snapshot';
import { renderDiffHtml, renderDiffMarkdown } from '../diff/render-markdown';
import { renderDiffText } from '../diff/render-text';
import { ruleChanges, segmentsBlocks } from '../diff/rule-changes';
import { EXIT, InputError, UsageError } from '../errors';
import { executeNotebook, type Execution } from '../execute';
import { readAtRevision } from '../git';
import { writeOutputFile } from '../output-file';
import { isClvCell, loadNotebook, loadNotebookText, type LoadedNotebook } from '../notebook-io';
import { print } from '../terminal';

const clvSources = (notebook: LoadedNotebook) => notebook.cells.filter(isClvCell).map((c) => c.source);

/**
 * The membership of a segments block on one side. Only what the block needs must compute: a
 * broken chart elsewhere in the old revision does not stop the review of a rule change.
 */
async function membershipOf(
  notebook: LoadedNotebook,
  run: Execution,
  name: string,
  side: string,
): Promise<SegmentsRun> {
  const found = segmentsRun(run.kernel, name);
  if (found) return found;
  const definition = (await run.kernel.definitions()).find((d) => d.name === name);
  const cell = notebook.cells.find((c) => c.id === definition?.cellId);
  const why = (run.results.get(cell?.id ?? '')?.error?.message ?? 'it was not computed').split('\n')[0];
  const where = cell ? ` (cell ${cell.codeNumber}, line ${cell.firstLine + 1})` : '';
  throw new InputError(`segments \`${name}\` ${side}${where} did not run: ${why}`, notebook.path);
}

export const diffCommand: Command = {
  spec: {
    name: 'diff',
    summary: 'Show how customers and value move between segments since a git revision or a data snapshot.',
    positionals: '[REV] NOTEBOOK',
    minPositionals: 1,
    maxPositionals: 2,
    options: {
      'then-data': {
        type: 'string',
        valueName: 'SOURCE=FILE',
        multiple: true,
        description: 'the "then" side reads FILE for source SOURCE (e.g. last month\'s log)',
      },
      markdown: { type: 'boolean', description: 'print Markdown for a pull-request comment' },
      html: {
        type: 'string',
        valueName: 'PAGE',
        description: 'also write the comparison as a self-contained HTML page (what the editor shows)',
      },
    },
    details: `
Compares a "then" and a "now" run of NOTEBOOK. With REV, "then" is the notebook
as it was at git revision REV (git show REV:path, in the notebook's repository):
a change of rules on the same data. With --then-data SOURCE=FILE, "then" reads FILE
for that source instead of the file the notebook names: the same rules on another
data snapshot. Both may be given. The output says first which comparison it is, then
for each segments block: the rules that changed (old -> new) and the migration matrix
of customers and of predicted value (rows: segment then, columns: segment now).

Exit code: 0 on success, 1 when the revision, notebook or a data file cannot be read
or a segments block (or what it depends on) fails to run on either side; 2 when
neither REV nor --then-data is given, or REV is empty.`,
  },
  async run(args) {
    const [revision, path] = args.positionals.length === 2 ? args.positionals : [undefined, args.positionals[0]];
    const overrides = parseSnapshotOptions(stringOptions(args, 'then-data'));
    // An empty revision would silently mean git's index: say so instead.
    if (revision !== undefined && revision.trim() === '') throw new UsageError('the revision is empty', 'diff');
    if (revision === undefined && overrides.size === 0)
      throw new UsageError('nothing to compare: give a git revision, --then-data SOURCE=FILE, or both', 'diff');
    const now = await loadNotebook(path);
    const atRevision = revision === undefined ? now : loadNotebookText(path, await readAtRevision(path, revision));
    const { notebook: then, snapshots } = withDataSnapshot(atRevision, overrides);
    const side = [revision && `at ${revision}`, snapshots.length && 'on the old data'].filter(Boolean).join(' ');
    // Relative data paths of both sides resolve against the notebook's folder today.
    const segments: SegmentsDiff[] = [];
    const runThen = await executeNotebook(then, now.dir);
    const runs = [runThen];
    try {
      const runNow = await executeNotebook(now);
      runs.push(runNow);

      // Where each block is today, so a reader (and the editor's view) can go to it.
      const definitions = await runNow.kernel.definitions();
      const cellOf = (name: string) => {
        const cell = now.cells.find((c) => c.id === definitions.find((d) => d.name === name)?.cellId);
        if (!cell) return undefined;
        const statement = parseCell(cell.source).statements.find((s) => s.kind === 'Segments' && s.name?.name === name);
        const before = cell.source.slice(0, statement?.start ?? 0);
        return { number: cell.codeNumber, line: cell.firstLine + 1 + (before.match(/\n/g)?.length ?? 0) };
      };
      const oldBlocks = segmentsBlocks(clvSources(then));
      const newBlocks = segmentsBlocks(clvSources(now));
      for (const [name, block] of newBlocks) {
        const old = oldBlocks.get(name);
        if (!old) {
          segments.push({ name, valueMetric: block.on, status: 'added', rules: [], cell: cellOf(name) });
          continue;
        }
        const before = await membershipOf(then, runThen, name, side);
        const after = await membershipOf(now, runNow, name, 'now');
        segments.push({
          name,
          valueMetric: after.valueMetric,
          status: 'compared',
          rules: ruleChanges(old, block),
          matrix: migrationMatrix(before.membership, after.membership),
          cell: cellOf(name),
        });
      }
      for (const [name, block] of oldBlocks)
        if (!newBlocks.has(name)) segments.push({ name, valueMetric: block.on, status: 'removed', rules: [] });
    } finally {
      // Closes each kernel's database connections, whose sockets would keep the process alive.
      await Promise.all(runs.map((run) => run.kernel.dispose()));
    }
    const report: DiffReport = { revision, snapshots, notebook: path, segments };
    const page = stringOption(args, 'html');
    if (page) await writeOutputFile(page, renderDiffHtml(report));
    print(args.values.markdown ? renderDiffMarkdown(report) : renderDiffText(report));
    return EXIT.ok;
  },
};
