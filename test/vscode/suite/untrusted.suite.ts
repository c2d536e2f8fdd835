// Restricted mode: the language server still checks notebooks, exports are refused. (Running
// a cell is first stopped by VS Code itself, which asks whether to trust the folder; the
// controller refuses too, with the reason, should a cell reach it.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeCells, EXTENSION_ID, waitFor, workspaceFile } from './notebook-helpers';

describe('CLV notebook in an untrusted workspace', function () {
  this.timeout(30_000);
  let notebook: vscode.NotebookDocument;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    notebook = await vscode.workspace.openNotebookDocument(workspaceFile('broken.clvnb'));
    await vscode.window.showNotebookDocument(notebook);
  });

  it('still shows the language server diagnostics', async () => {
    const split = codeCells(notebook)[1];
    await waitFor('diagnostics', () => vscode.languages.getDiagnostics(split.document.uri).length > 0, 20_000);
    assert.match(vscode.languages.getDiagnostics(split.document.uri)[0].message, /unknown name `ordres`/);
  });

  it('refuses to export a report', async () => {
    const target = workspaceFile('out/refused.html');
    await vscode.commands.executeCommand('clv.exportReport', { target });
    assert.equal(fs.existsSync(target.fsPath), false);
  });
});
