// Saving from the editor: cell layouts are transient (the notebook diff editor compares
// sources only, see client/src/notebook-serializer.ts), so VS Code leaves them out of what it
// hands the serializer; the saved file must still keep every other cell byte for byte.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceFile } from './notebook-helpers';

describe('Saving a notebook from the editor', () => {
  it('rewrites only the edited cell and the appended one, keeping odd fences and blank lines', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    // Layouts the serializer would not write for new cells: a tilde fence, a long fence, three blank lines.
    const original = readFileSync(workspaceFile('cdnow.clvnb').fsPath, 'utf8')
      .replace('```clv\nmodel purchases', '~~~~clv\nmodel purchases')
      .replace('model spend = gamma_gamma(calibration)\n```', 'model spend = gamma_gamma(calibration)\n~~~~')
      .replace('\n\n```clv\nvalue clv', '\n\n\n\n```clv\nvalue clv');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'clv-save-')), 'saved.clvnb');
    writeFileSync(file, original);
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.getCells().find((c) => c.document.getText().includes('p_alive > 0.7'))!;
    const at = cell.document.getText().indexOf('0.7');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      cell.document.uri,
      new vscode.Range(cell.document.positionAt(at), cell.document.positionAt(at + 3)),
      '0.9',
    );
    edit.set(notebook.uri, [
      vscode.NotebookEdit.insertCells(notebook.cellCount, [
        new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'table extra = clv { columns customer }', 'clv'),
      ]),
    ]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Right after opening, the workbench can refuse a save (save() resolves false) while it is
    // still settling the file it just opened; a user's save comes later, so try until it takes.
    for (let attempt = 1; !(await notebook.save()); attempt++) {
      assert.ok(attempt < 50, 'the editor refused to save the notebook for 10 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const expected =
      original.replace('p_alive > 0.7', 'p_alive > 0.9') + '\n```clv\ntable extra = clv { columns customer }\n```\n';
    assert.equal(readFileSync(file, 'utf8'), expected);
  });
});
