// What the extension contributes to the editor around the notebook (issue 15, items 15 and
// 16): a .clvnb opened as text is Markdown, clv cells indent as the formatter does, typing `{`
// then Enter in a clv cell closes the block once, and the Outline lists each cell's sources,
// models, values and segment rules without the user changing a setting.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeCells, openNotebook, workspaceFile } from './notebook-helpers';

describe('Editor defaults for CLV notebooks', () => {
  it('opens a .clvnb as Markdown in the text editor', async () => {
    const text = await vscode.workspace.openTextDocument(workspaceFile('cdnow.clvnb'));
    assert.equal(text.languageId, 'markdown');
  });

  it('indents clv cells with 2 spaces and shows code cells and their symbols in the Outline', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'clv' });
    assert.deepEqual(
      [editor.get('tabSize'), editor.get('insertSpaces'), editor.get('detectIndentation')],
      [2, true, false],
    );
    const notebook = vscode.workspace.getConfiguration('notebook');
    assert.deepEqual(
      [notebook.get('outline.showCodeCells'), notebook.get('outline.showCodeCellSymbols')],
      [true, true],
    );
  });

  it("gives the Outline each cell's definitions, with segment rules under their segments", async () => {
    const cells = codeCells((await openNotebook('cdnow.clvnb')).notebook);
    const symbols = async (cell: vscode.NotebookCell) =>
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        cell.document.uri,
      )) ?? [];
    let all: vscode.DocumentSymbol[][] = [];
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      all = await Promise.all(cells.map(symbols));
      if (all.every((s) => s.length)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const names = all.flat().map((s) => s.name);
    for (const name of ['orders', 'calibration', 'purchases', 'spend', 'clv', 'tiers'])
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    const tiers = all.flat().find((s) => s.name === 'tiers')!;
    assert.deepEqual(
      tiers.children.map((c) => c.name),
      ['Champions', 'One-off', 'Everyone else'],
    );
  });

  it('closes a block once when `{` is typed then Enter', async () => {
    const file = workspaceFile('typing.clvnb');
    fs.writeFileSync(file.fsPath, '# Typing\n\n```clv\nmodel m = bgnbd(calibration) \n```\n');
    const editor = await openNotebook('typing.clvnb');
    const cell = codeCells(editor.notebook)[0];
    const text = await vscode.window.showTextDocument(cell.document);
    const end = cell.document.lineAt(0).range.end;
    text.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '{' });
    await vscode.commands.executeCommand('type', { text: '\n' });
    await vscode.commands.executeCommand('type', { text: 'intervals 90%' });
    assert.equal(cell.document.getText(), 'model m = bgnbd(calibration) {\n  intervals 90%\n}');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
