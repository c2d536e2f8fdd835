// `clvnb run NOTEBOOK`: runs every clv cell headless, prints a per-cell summary, and writes
// the HTML report and/or JSON results on request. Exit 1 when any cell failed.
import { version } from '../../../../package.json';
import { stringOption } from '../args';
import type { Command } from '../command';
import { checkNotebook } from '../diagnostics';
import { EXIT, UsageError } from '../errors';
import { runNotebook } from '../execute';
import { isClvCell, loadNotebook, type LoadedNotebook } from '../notebook-io';
import { parseCell } from '../../language';
import { notebookReadFiles, refuseReadFiles, sameFile, WriteRefused } from '../../files/write-policy';
import { writeOutputFile } from '../output-file';
import { runResults } from '../run-results';
import { cellSummary } from '../run-summary';
import { print, printError } from '../terminal';

/**
 * Refuses, before anything runs or is written, output files that are the notebook, a file it
 * reads, or each other: `clvnb run nb.clvnb --html nb.clvnb` would replace the notebook.
 */
function refuseOutputs(notebook: LoadedNotebook, outputs: Record<string, string | undefined>): void {
  const statements = notebook.cells.filter(isClvCell).flatMap((c) => parseCell(c.source).statements);
  const reads = notebookReadFiles(statements, notebook.dir, notebook.path);
  const given = Object.entries(outputs).filter((entry): entry is [string, string] => entry[1] !== undefined);
  for (const [flag, path] of given) {
    try {
      refuseReadFiles(path, reads);
    } catch (error) {
      if (error instanceof WriteRefused) throw new UsageError(`${flag}: ${error.message}`, 'run');
      throw error;
    }
  }
  if (given.length === 2 && sameFile(given[0][1], given[1][1]))
    throw new UsageError(`${given[0][0]} and ${given[1][0]} name the same file; give each its own`, 'run');
}

export const runCommand: Command = {
  spec: {
    name: 'run',
    summary: 'Run a notebook headless; optionally write an HTML report and JSON results.',
    positionals: 'NOTEBOOK',
    minPositionals: 1,
    maxPositionals: 1,
    options: {
      html: {
        type: 'string',
        valueName: 'REPORT',
        description: 'write a self-contained HTML report (opens offline, prints well)',
      },
      json: { type: 'string', valueName: 'RESULTS', description: "write every cell's status and outputs as JSON" },
      currency: {
        type: 'string',
        valueName: 'CODE',
        description: 'show money in the report with this ISO 4217 currency, e.g. USD',
      },
      'hide-code': { type: 'boolean', description: "leave the cells' code out of the HTML report" },
    },
    details: `
Runs every clv cell in dependency order, then prints each code cell's status and the
text summary of its outputs. Problems are printed as "file:line:col: severity: message".
Data paths in the notebook are relative to the notebook's folder.

Exit code: 0 when every cell ran, 1 when any cell failed or was not run.`,
  },
  async run(args) {
    const currency = stringOption(args, 'currency');
    if (currency !== undefined && !Intl.supportedValuesOf('currency').includes(currency))
      throw new UsageError(`unknown currency code '${currency}'`, 'run');
    const notebook = await loadNotebook(args.positionals[0]);
    const jsonPath = stringOption(args, 'json');
    const htmlPath = stringOption(args, 'html');
    refuseOutputs(notebook, { '--json': jsonPath, '--html': htmlPath });
    const diagnostics = checkNotebook(notebook);
    for (const d of diagnostics) if (d.severity !== 'error') print(d.text + '\n');
    const results = await runNotebook(notebook);
    for (const cell of notebook.cells.filter(isClvCell))
      print(cellSummary(notebook, cell, results.get(cell.id), diagnostics) + '\n');

    const summary = runResults(notebook, results, diagnostics);
    if (jsonPath) await writeOutputFile(jsonPath, JSON.stringify(summary, null, 2) + '\n');
    if (htmlPath) {
      // The report brings vega and vega-lite: loaded only when a report is written.
      const { renderReport } = await import('../../report');
      const html = await renderReport(notebook, results, {
        subtitle: notebook.path,
        includeCode: !args.values['hide-code'],
        currency,
        generator: `clvnb ${version}`,
      });
      await writeOutputFile(htmlPath, html);
    }
    const failed = summary.cells.filter((c) => c.status !== 'ok').length;
    const cells = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'cell' : 'cells'}`;
    printError(
      failed
        ? `${failed.toLocaleString('en-US')} of ${cells(summary.cells.length)} failed or did not run\n`
        : `${cells(summary.cells.length)} ran\n`,
    );
    return failed ? EXIT.failed : EXIT.ok;
  },
};
