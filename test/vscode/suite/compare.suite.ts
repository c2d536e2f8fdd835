// "CLV: Compare Segments with…" in a real editor: a notebook in a git repository, a rule
// changed and saved in the editor, compared with HEAD through the command. The comparison is
// the command line's (`clvnb diff`, bundled), shown in a webview beside the notebook.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceFile } from './notebook-helpers';

describe('Compare Segments with a git revision', () => {
  it('shows how customers move between segments since HEAD, beside the notebook', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const repo = mkdtempSync(path.join(tmpdir(), 'clv-compare-'));
    mkdirSync(path.join(repo, 'data'));
    copyFileSync(workspaceFile('data/CDNOW_sample.txt').fsPath, path.join(repo, 'data', 'CDNOW_sample.txt'));
    copyFileSync(workspaceFile('cdnow.clvnb').fsPath, path.join(repo, 'cdnow.clvnb'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');

    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(repo, 'cdnow.clvnb')));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.getCells().find((c) => c.document.getText().includes('"Champions"'))!;
    const text = cell.document.getText();
    const at = text.indexOf('p_alive > 0.7');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      cell.document.uri,
      new vscode.Range(cell.document.positionAt(at), cell.document.positionAt(at + 'p_alive > 0.7'.length)),
      'p_alive > 0.9',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));

    // The command saves the notebook first: clvnb diff compares the file with the revision.
    const markdown = await vscode.commands.executeCommand<string>('clv.compareSegments', { revision: 'HEAD' });
    assert.equal(notebook.isDirty, false);
    assert.ok(markdown, 'the comparison ran');
    assert.ok(markdown.includes('Rules: as at `HEAD` (then) against the working tree (now).'), markdown);
    assert.ok(markdown.includes('- "Champions" when clv in top 10% and p_alive > 0.7'), markdown);
    assert.ok(markdown.includes('+ "Champions" when clv in top 10% and p_alive > 0.9'), markdown);
    assert.match(markdown, /### Segments `tiers` on `clv` \(cell \d+, line 31\)/);
    assert.match(markdown, /\d+ of 2,357 customers \(\d+\.\d%\) change segment/);
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    // The panel's tab appears once the workbench has laid it out, shortly after the command returns.
    await waitFor(`a "Segments: HEAD → now" tab (tabs: ${labels().join(', ')})`, () =>
      labels().includes('Segments: HEAD → now'),
    );
  });
});
