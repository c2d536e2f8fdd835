// Exports. The HTML report is `clvnb run --html` on the saved notebook (the same renderReport
// as the CLI, in its own process). A segment's members come from the notebook's kernel, run
// first so they are current; the kernel's cache makes that cheap when the cells have run.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cellInputs } from '../cell-inputs';
import type { Kernels } from '../kernels';
import { activeClvNotebook, trustedOrExplain } from './active-notebook';
import { clvnbPath, runClvnb } from './cli';

/**
 * Given by a caller that already knows the answers (scripts, tests); menus pass their own
 * context objects, which have neither field, so the user is asked.
 */
interface ExportArgs {
  target?: vscode.Uri;
  segments?: string;
}

const targetOf = (args: unknown) =>
  (args as ExportArgs | undefined)?.target instanceof vscode.Uri ? (args as ExportArgs).target : undefined;

async function exportReport(cli: string, args: unknown) {
  const notebook = activeClvNotebook();
  if (!notebook || !trustedOrExplain('Exporting a report')) return;
  if (notebook.isDirty) await notebook.save();
  const base = notebook.uri.fsPath.replace(/\.clvnb$/, '');
  const target =
    targetOf(args) ??
    (await vscode.window.showSaveDialog({
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
        void vscode.window.showInformationMessage(`Report written to ${vscode.workspace.asRelativePath(target)}.`);
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

async function exportSegment(kernels: Kernels, args: unknown) {
  const notebook = activeClvNotebook();
  if (!notebook || !trustedOrExplain('Exporting a segment')) return;
  const kernel = kernels.for(notebook);
  await vscode.window.withProgress(
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
  const picks = segments.map((d) => ({ label: d.name, definition: d }));
  const named = segments.find((d) => d.name === (args as ExportArgs | undefined)?.segments);
  const picked =
    named ??
    (segments.length === 1
      ? segments[0]
      : (await vscode.window.showQuickPick(picks, { title: 'Export which segments?' }))?.definition);
  if (!picked) return;
  const dir = path.dirname(notebook.uri.fsPath);
  const target =
    targetOf(args) ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(dir, `${picked.name}.csv`)),
      filters: { CSV: ['csv'] },
    }));
  if (!target) return;
  try {
    const written = await kernel.exportSegments(picked.name, target.fsPath);
    void vscode.window.showInformationMessage(
      `Wrote ${written.rows} customers of \`${picked.name}\` to ${vscode.workspace.asRelativePath(written.path)}.`,
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
