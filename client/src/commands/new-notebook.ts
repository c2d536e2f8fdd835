// "CLV: New Notebook…": an empty notebook, or a copy of a shipped sample rewritten to read the
// user's own transaction file. The rewrite is the command line's `clvnb new` (run as a child
// process of the bundled CLI, commands/cli.ts), so the editor and the CLI produce the same notebook, and so
// is reading the file's columns (`clvnb columns`); this file only asks the questions, data first: which
// sample, which file, which columns (each shown with its type and first values), how its dates are
// written when they read two ways, and where to save (beside the data file by default).
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

/** What `clvnb columns --json` says of one column. */
interface FileColumn {
  name: string;
  type: string;
  dateFormat?: string;
  /** Dates that read two ways: each format with what it makes of the first values. */
  dateReadings?: { format: string; firstDates: string[] }[];
  samples: string[];
}

const firstValues = (c: FileColumn) =>
  c.samples
    .filter((s) => s !== '')
    .slice(0, 3)
    .join(', ');

/** The user's column for a role, picked from the file's real header, each shown with its type and first values. */
async function pickColumn(
  columns: FileColumn[],
  role: string,
  optional: boolean,
): Promise<FileColumn | undefined | null> {
  const items: (vscode.QuickPickItem & { column?: FileColumn })[] = columns.map((c) => ({
    label: c.name,
    description: c.dateReadings
      ? `date (${c.dateReadings.map((r) => r.format).join(' or ')})`
      : c.dateFormat
        ? `${c.type} (${c.dateFormat})`
        : c.type,
    detail: firstValues(c),
    column: c,
  }));
  if (optional) items.push({ label: '(none)', description: 'no spend column: purchase models only' });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Which column holds the ${role}?`,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (!picked) return null;
  return picked.column;
}

/**
 * The date format to pass when the column's dates read two ways (05/06/2022): a pick list
 * showing what each format makes of the first values. Undefined when there is nothing to ask.
 */
async function pickDateFormat(column: FileColumn): Promise<string | undefined | null> {
  if (!column.dateReadings) return undefined;
  const firsts = column.samples.filter((s) => s !== '').slice(0, 3);
  const picked = await vscode.window.showQuickPick(
    column.dateReadings.map((r) => ({
      label: r.format,
      detail: firsts.map((s, i) => `${s} is ${r.firstDates[i]}`).join(', '),
    })),
    {
      title: `How are the dates in ${column.name} written? No value in the first rows has a day above 12`,
      ignoreFocusOut: true,
    },
  );
  return picked ? picked.label : null;
}

/** A name for the new notebook beside the data file that is not taken yet. */
async function besideData(data: vscode.Uri, sample: string): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(data, '..');
  for (let n = 1; ; n++) {
    const target = vscode.Uri.joinPath(dir, `${sample}-analysis${n > 1 ? `-${n}` : ''}.clvnb`);
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      return target;
    }
  }
}

/** Asks for the data first, then its columns, then where to save (beside the data by default), and runs `clvnb new`. */
async function fromSample(cli: string, sampleDir: string, sampleName: string): Promise<vscode.Uri | undefined> {
  const data = await vscode.window.showOpenDialog({
    title: 'Your transaction file (one row per purchase)',
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { Data: ['csv', 'tsv', 'txt', 'json', 'parquet', 'arrow', 'gz'] },
  });
  if (!data) return undefined;
  const file = data[0].fsPath;
  let columns: FileColumn[];
  try {
    // The command line reads the file (`clvnb columns`): the same reader as `clvnb new` and column completion.
    columns = JSON.parse(await runClvnb(cli, ['columns', file, '--json'])) as FileColumn[];
  } catch (err) {
    void vscode.window.showErrorMessage(
      `Cannot read the columns of ${path.basename(file)}: ${(err as Error).message.replace(/^clvnb: /, '')}`,
    );
    return undefined;
  }
  const customer = await pickColumn(columns, 'customer id', false);
  const date = customer && (await pickColumn(columns, 'purchase date', false));
  const dateFormat = date && (await pickDateFormat(date));
  const amount = date && dateFormat !== null && (await pickColumn(columns, 'amount spent', true));
  if (!customer || !date || dateFormat === null || amount === null || amount === false) return undefined;
  const target = await vscode.window.showSaveDialog({
    title: 'Save the new notebook as',
    defaultUri: await besideData(data[0], sampleName),
    filters: { 'CLV notebook': ['clvnb'] },
  });
  if (!target) return undefined;
  const args = ['new', '--from', sampleDir, '--data', file, '--out', target.fsPath, '--customer', customer.name];
  args.push('--date', date.name, '--force');
  if (dateFormat) args.push('--date-format', dateFormat);
  args.push(...(amount ? ['--amount', amount.name] : ['--no-amount']));
  try {
    const said = await runClvnb(cli, args);
    void vscode.window.showInformationMessage(
      said.split('\n').filter(Boolean).slice(1).join(' ') || 'Notebook created.',
    );
    return target;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not create the notebook: ${(err as Error).message}`);
    return undefined;
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
    let target: vscode.Uri | undefined;
    if (pick.sampleDir) target = await fromSample(cli, pick.sampleDir, pick.label);
    else {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      target = await vscode.window.showSaveDialog({
        title: 'Save the new notebook as',
        defaultUri: folder && vscode.Uri.joinPath(folder, 'analysis.clvnb'),
        filters: { 'CLV notebook': ['clvnb'] },
      });
      if (target) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(EMPTY));
    }
    if (target) await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(target));
  });
}
