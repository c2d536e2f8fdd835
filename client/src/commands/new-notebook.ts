// "CLV: New Notebook…": an empty notebook, or a copy of a shipped sample rewritten to read the
// user's own transaction file. The rewrite is the command line's `clvnb new` (run as a child
// process of the bundled CLI, commands/cli.ts), so the editor and the CLI produce the same notebook, and so
// is reading the file's columns (`clvnb columns`); this file only asks the questions: which sample,
// where, which file, which columns.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clvnbPath, runClvnb } from './cli';

const EMPTY =
  '# New CLV analysis\n\n```clv\nsource orders = csv "data/orders.csv" {\n  customer = customer_id\n  date     = order_date\n  amount   = amount\n}\n```\n';

interface SamplePick extends vscode.QuickPickItem {
  sampleDir?: string;
}

/** `description:` from the notebook's front matter: the sample's one-line summary. */
async function sampleDescription(notebook: string): Promise<string> {
  const text = await fs.readFile(notebook, 'utf8');
  return /^description:\s*(.+)$/m.exec(text.split(/^---\s*$/m)[1] ?? '')?.[1] ?? '';
}

async function samplePicks(samplesDir: string): Promise<SamplePick[]> {
  const picks: SamplePick[] = [{ label: 'Empty notebook', description: 'one source cell to fill in' }];
  for (const name of (await fs.readdir(samplesDir)).sort()) {
    const dir = path.join(samplesDir, name);
    const notebooks = (await fs.readdir(dir).catch(() => [])).filter((f) => f.endsWith('.clvnb'));
    if (notebooks.length === 1)
      picks.push({ label: name, detail: await sampleDescription(path.join(dir, notebooks[0])), sampleDir: dir });
  }
  return picks;
}

/** The user's column for a role, picked from the file's real header (the sample's name first). */
async function pickColumn(columns: string[], role: string, optional: boolean): Promise<string | undefined | null> {
  const items: vscode.QuickPickItem[] = columns.map((c) => ({ label: c }));
  if (optional) items.push({ label: '(none)', description: 'no spend column: purchase models only' });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Which column holds the ${role}?`,
    ignoreFocusOut: true,
  });
  if (!picked) return null;
  return picked.label === '(none)' ? undefined : picked.label;
}

async function fromSample(cli: string, sampleDir: string, target: vscode.Uri) {
  const data = await vscode.window.showOpenDialog({
    title: 'Your transaction file (one row per purchase)',
    canSelectMany: false,
    filters: { Data: ['csv', 'tsv', 'txt', 'json', 'parquet', 'arrow'] },
  });
  if (!data) return false;
  const file = data[0].fsPath;
  let names: string[];
  try {
    // The command line reads the file (`clvnb columns`): the same reader as `clvnb new` and column completion.
    names = (JSON.parse(await runClvnb(cli, ['columns', file, '--json'])) as { name: string }[]).map((c) => c.name);
  } catch (err) {
    void vscode.window.showErrorMessage(
      `Cannot read the columns of ${path.basename(file)}: ${(err as Error).message.replace(/^clvnb: /, '')}`,
    );
    return false;
  }
  const customer = await pickColumn(names, 'customer id', false);
  const date = customer && (await pickColumn(names, 'purchase date', false));
  const amount = date && (await pickColumn(names, 'amount spent', true));
  if (!customer || !date || amount === null) return false;
  const args = [
    'new',
    '--from',
    sampleDir,
    '--data',
    file,
    '--out',
    target.fsPath,
    '--customer',
    customer,
    '--date',
    date,
    '--force',
  ];
  if (amount) args.push('--amount', amount);
  try {
    const said = await runClvnb(cli, args);
    void vscode.window.showInformationMessage(
      said.split('\n').filter(Boolean).slice(1).join(' ') || 'Notebook created.',
    );
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not create the notebook: ${(err as Error).message}`);
    return false;
  }
}

export function registerNewNotebookCommand(extensionUri: vscode.Uri): vscode.Disposable {
  const samplesDir = vscode.Uri.joinPath(extensionUri, 'samples').fsPath;
  const cli = clvnbPath(extensionUri);
  return vscode.commands.registerCommand('clv.newNotebook', async () => {
    const pick = await vscode.window.showQuickPick(samplePicks(samplesDir), {
      title: 'New CLV notebook',
      matchOnDetail: true,
    });
    if (!pick) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = pick.sampleDir ? `${pick.label}-analysis.clvnb` : 'analysis.clvnb';
    const target = await vscode.window.showSaveDialog({
      title: 'Create the notebook where?',
      defaultUri: folder && vscode.Uri.joinPath(folder, name),
      filters: { 'CLV notebook': ['clvnb'] },
    });
    if (!target) return;
    if (pick.sampleDir) {
      if (!(await fromSample(cli, pick.sampleDir, target))) return;
    } else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(EMPTY));
    await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(target));
  });
}
