// "CLV: Compare Segments with…": what the active notebook's segment rules do to customers
// compared with a git revision. Lists revisions (revisions.ts), runs the bundled `clvnb diff`
// on the saved notebook (the same comparison as the command line and the pull-request
// comment), and shows its page in a webview beside the notebook; "cell N" in a block's
// heading goes to that cell.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeClvNotebook, savedForReading, trustedOrExplain } from './active-notebook';
import { clvnbPath, runClvnb } from './cli';
import { revisionsOf, type Revision } from './revisions';

/** Given by scripts and tests that already know the revision; the palette passes nothing. */
interface CompareArgs {
  revision?: string;
}

const ICONS: Record<Revision['kind'], string> = { branch: '$(git-branch)', tag: '$(tag)', commit: '$(git-commit)' };

async function pickRevision(notebook: vscode.NotebookDocument): Promise<string | undefined> {
  const revisions = await revisionsOf(notebook.uri);
  if (revisions.length === 0) {
    void vscode.window.showWarningMessage('This notebook is not in a git repository with commits to compare with.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    revisions.map((r) => ({
      label: `${ICONS[r.kind]} ${r.kind === 'commit' ? r.ref.slice(0, 8) : r.ref}`,
      description: r.detail,
      revision: r.ref,
    })),
    { title: 'Compare segments with which revision?', matchOnDescription: true },
  );
  return pick?.revision;
}

/** The page with a script (and only it, by nonce) that turns "cell N" in headings into links. */
function withCellLinks(page: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = `<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const heading of document.querySelectorAll('h3, h4')) {
  const m = heading.textContent.match(/\\(cell (\\d+), line \\d+\\)$/);
  if (!m) continue;
  const link = document.createElement('a');
  link.href = '#';
  link.textContent = ' go to cell ' + m[1];
  link.addEventListener('click', (e) => { e.preventDefault(); vscode.postMessage({ cell: Number(m[1]) }); });
  heading.append(link);
}
</script>`;
  return page
    .replace("default-src 'none';", `default-src 'none'; script-src 'nonce-${nonce}';`)
    .replace('</body>', `${script}\n</body>`);
}

async function revealCodeCell(notebook: vscode.NotebookDocument, number: number) {
  const cell = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code)[number - 1];
  if (!cell) return;
  const range = new vscode.NotebookRange(cell.index, cell.index + 1);
  const editor = await vscode.window.showNotebookDocument(notebook, {
    viewColumn: vscode.ViewColumn.One,
    selections: [range],
  });
  editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
}

async function compare(cli: string, args: unknown): Promise<string | undefined> {
  const notebook = activeClvNotebook();
  if (!notebook || !trustedOrExplain('Comparing segments')) return undefined;
  const revision = (args as CompareArgs | undefined)?.revision ?? (await pickRevision(notebook));
  if (!revision) return undefined;
  // clvnb diff compares the file on disk with the revision.
  if (!(await savedForReading(notebook, 'Comparing segments'))) return undefined;
  const folder = await mkdtemp(path.join(tmpdir(), 'clv-compare-'));
  const pagePath = path.join(folder, 'segment-changes.html');
  try {
    const markdown = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `CLV: comparing segments with ${revision}`,
        cancellable: true,
      },
      (_progress, token) =>
        runClvnb(cli, ['diff', revision, notebook.uri.fsPath, '--markdown', '--html', pagePath], token),
    );
    const short = /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 8) : revision;
    const panel = vscode.window.createWebviewPanel(
      'clv.segmentChanges',
      `Segments: ${short} → now`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    panel.webview.html = withCellLinks(await readFile(pagePath, 'utf8'));
    panel.webview.onDidReceiveMessage((message: { cell?: unknown }) => {
      if (typeof message.cell === 'number') void revealCodeCell(notebook, message.cell);
    });
    return markdown;
  } catch (err) {
    void vscode.window.showErrorMessage(
      `Could not compare segments with ${revision}: ${(err as Error).message.split('\n').slice(0, 5).join(' ')}`,
    );
    return undefined;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function registerCompareSegmentsCommand(extensionUri: vscode.Uri): vscode.Disposable {
  const cli = clvnbPath(extensionUri);
  return vscode.commands.registerCommand('clv.compareSegments', (args: unknown) => compare(cli, args));
}
