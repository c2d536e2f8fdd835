// Exports. The HTML report is `clvnb run --html` on the saved notebook (the same renderReport
// as the CLI, in its own process). A segment's members come from the notebook's kernel, run
// first so they are current; the kernel's cache makes that cheap when the cells have run.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CellResult } from '../../../server/src/kernel/api';
import { MIME, type SegmentsPayload } from '../../../server/src/kernel/output-types';
import { cellInputs } from '../cell-inputs';
import type { Kernels } from '../kernels';
import { activeClvNotebook, savedForReading, trustedOrExplain } from './active-notebook';
import { clvnbPath, runClvnb } from './cli';

/**
 * Given by a caller that already knows the answers (scripts, tests); menus pass their own
 * context objects, which have neither field, so the user is asked.
 */
interface ExportArgs {
  target?: vscode.Uri;
  segments?: string;
  /** Labels of the segments to write (default: every segment). */
  labels?: string[];
}

const targetOf = (args: unknown) =>
  (args as ExportArgs | undefined)?.target instanceof vscode.Uri ? (args as ExportArgs).target : undefined;

async function exportReport(cli: string, args: unknown) {
  const notebook = activeClvNotebook();
  if (!notebook || !trustedOrExplain('Exporting a report')) return;
  if (!(await savedForReading(notebook, 'Exporting a report'))) return;
  const base = notebook.uri.fsPath.replace(/\.clvnb$/, '');
  const target =
    targetOf(args) ??
    (await vscode.window.showSaveDialog({
      title: 'Export the notebook as an HTML report',
      saveLabel: 'Export report',
      defaultUri: vscode.Uri.file(`${base}-report.html`),
      filters: { HTML: ['html'] },
    }));
  if (!target) return;
  const title = 'CLV: running the notebook for the report';
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token) => {
      try {
        await runClvnb(cli, ['run', notebook.uri.fsPath, '--html', target.fsPath], token);
        void offerToOpen(`Report written to ${vscode.workspace.asRelativePath(target)}.`, target);
      } catch (err) {
        // Exit code 1 = some cell failed: the report is still written and says which.
        const written = (err as { code?: number }).code === 1;
        const say = written ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
        void say(
          `${written ? `Report written to ${vscode.workspace.asRelativePath(target)}, but some cells failed` : 'Could not export the report'}: ${(err as Error).message.split('\n').slice(0, 5).join(' ')}`,
        );
      }
    },
  );
}

/** The segments of `name` with their sizes, from the segments summary its cell output. */
function segmentSizes(results: Map<string, CellResult>, name: string): { name: string; customers: number }[] {
  for (const result of results.values())
    for (const output of result.outputs) {
      const payload: SegmentsPayload | undefined = output.data[MIME.segments];
      if (payload?.name === name) return payload.segments;
    }
  return [];
}

/** An information message with an Open button that opens `target` in the system's viewer. */
async function offerToOpen(message: string, target: vscode.Uri) {
  if ((await vscode.window.showInformationMessage(message, 'Open')) === 'Open') await vscode.env.openExternal(target);
}

async function exportSegment(kernels: Kernels, args: unknown) {
  const notebook = activeClvNotebook();
  if (!notebook || !trustedOrExplain('Exporting a segment')) return;
  const kernel = kernels.for(notebook);
  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'CLV: running the notebook', cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return kernel.run(
        cellInputs(notebook),
        {},
        { signal: abort.signal, onProgress: (_id, _f, message) => progress.report({ message }) },
      );
    },
  );
  const segments = (await kernel.definitions()).filter((d) => d.kind === 'segments' && d.state === 'fresh');
  if (segments.length === 0) {
    void vscode.window.showWarningMessage(
      'This notebook has no computed `segments` definition to export (check the cells for errors).',
    );
    return;
  }
  const picks = segments.map((d) => ({ label: d.name, description: `on ${d.dependsOn.join(', ')}`, definition: d }));
  const given = args as ExportArgs | undefined;
  const named = segments.find((d) => d.name === given?.segments);
  const picked =
    named ??
    (segments.length === 1
      ? segments[0]
      : (await vscode.window.showQuickPick(picks, { title: 'Export which segmentation?' }))?.definition);
  if (!picked) return;
  // Which of its segments: every one is ticked to begin with, each with its size.
  const sizes = segmentSizes(results, picked.name);
  // A caller naming the segmentation (a script, a test) gets every segment unless it lists labels.
  const labels =
    given?.labels ??
    (named || sizes.length === 0
      ? sizes.map((s) => s.name)
      : (
          await vscode.window.showQuickPick(
            sizes.map((s) => ({
              label: s.name,
              description: `${s.customers.toLocaleString('en-US')} customers`,
              picked: true,
            })),
            { title: `Export which segments of \`${picked.name}\`?`, canPickMany: true },
          )
        )?.map((p) => p.label));
  if (!labels || (sizes.length > 0 && labels.length === 0)) return;
  const dir = path.dirname(notebook.uri.fsPath);
  const target =
    targetOf(args) ??
    (await vscode.window.showSaveDialog({
      title: `Export the segments of ${picked.name} as CSV`,
      saveLabel: 'Export',
      defaultUri: vscode.Uri.file(path.join(dir, `${picked.name}.csv`)),
      filters: { CSV: ['csv'] },
    }));
  if (!target) return;
  try {
    const all = labels.length === sizes.length;
    const written = await kernel.exportSegments(picked.name, target.fsPath, all ? undefined : labels);
    const which = all ? `\`${picked.name}\`` : labels.map((l) => JSON.stringify(l)).join(', ');
    void offerToOpen(
      `Wrote ${written.rows.toLocaleString('en-US')} customers of ${which} to ${vscode.workspace.asRelativePath(written.path)}.`,
      vscode.Uri.file(written.path),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not export \`${picked.name}\`: ${(err as Error).message}`);
  }
}

export function registerExportCommands(kernels: Kernels, extensionUri: vscode.Uri): vscode.Disposable[] {
  const cli = clvnbPath(extensionUri);
  return [
    vscode.commands.registerCommand('clv.exportReport', (args?: unknown) => exportReport(cli, args)),
    vscode.commands.registerCommand('clv.exportSegment', (args?: unknown) => exportSegment(kernels, args)),
  ];
}
