// `clvnb diff REV NOTEBOOK`: what a change to segment rules does to customers. Runs the
// notebook as it was at REV and as it is now, both on the current data files, and reports
// per segments block the rules that changed and how customers and predicted value move
// between segments.
import type { Command } from '../command';
import type { DiffReport, SegmentsDiff } from '../diff/diff-report';
import { segmentsRun, type SegmentsRun } from '../diff/membership';
import { migrationMatrix } from '../diff/migration';
import { renderDiffMarkdown } from '../diff/render-markdown';
import { renderDiffText } from '../diff/render-text';
import { ruleChanges, segmentsBlocks } from '../diff/rule-changes';
import { EXIT, InputError } from '../errors';
import { executeNotebook, type Execution } from '../execute';
import { readAtRevision } from '../git';
import { isClvCell, loadNotebook, loadNotebookText, type LoadedNotebook } from '../notebook-io';

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
    summary: 'Show how customers and value move between segments since a git revision.',
    positionals: 'REV NOTEBOOK',
    minPositionals: 2,
    maxPositionals: 2,
    options: {
      markdown: { type: 'boolean', description: 'print Markdown for a pull-request comment' },
    },
    details: `
Reads NOTEBOOK as it was at git revision REV (git show REV:path, in the notebook's
repository) and as it is now, runs both on the current data files, and prints for
each segments block: the rules that changed (old -> new) and the migration matrix of
customers and of predicted value (rows: segment at REV, columns: segment now).

Exit code: 0 on success, 1 when the revision or notebook cannot be read or a segments
block (or what it depends on) fails to run in either version.`,
  },
  async run(args) {
    const [revision, path] = args.positionals;
    const now = await loadNotebook(path);
    const then = loadNotebookText(path, await readAtRevision(path, revision));
    // Both sides read the current data: relative paths resolve against the notebook's folder today.
    const [runThen, runNow] = [await executeNotebook(then, now.dir), await executeNotebook(now)];

    const oldBlocks = segmentsBlocks(clvSources(then));
    const newBlocks = segmentsBlocks(clvSources(now));
    const segments: SegmentsDiff[] = [];
    for (const [name, block] of newBlocks) {
      const old = oldBlocks.get(name);
      if (!old) {
        segments.push({ name, valueMetric: block.on, status: 'added', rules: [] });
        continue;
      }
      const before = await membershipOf(then, runThen, name, `at ${revision}`);
      const after = await membershipOf(now, runNow, name, 'now');
      segments.push({
        name,
        valueMetric: after.valueMetric,
        status: 'compared',
        rules: ruleChanges(old, block),
        matrix: migrationMatrix(before.membership, after.membership),
      });
    }
    for (const [name, block] of oldBlocks)
      if (!newBlocks.has(name)) segments.push({ name, valueMetric: block.on, status: 'removed', rules: [] });

    const report: DiffReport = { revision, notebook: path, segments };
    process.stdout.write(args.values.markdown ? renderDiffMarkdown(report) : renderDiffText(report));
    return EXIT.ok;
  },
};
