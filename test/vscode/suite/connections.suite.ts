// "CLV: Add Connection…" in a real VS Code: the URL of the real PostgreSQL server the outer test
// started (CLV_TEST_PG_URL) goes into VS Code's secret storage under a name; a notebook that
// says `secret "NAME"` then runs against the server in its kernel process, and the URL and its
// password appear in no output.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeCells, EXTENSION_ID, finished, openNotebook, textOf, waitFor, workspaceFile } from './notebook-helpers';

const NOTEBOOK = `# CDNOW in PostgreSQL

\`\`\`clv
connection dw = postgres secret "warehouse"

source orders = table "cdnow" from dw {
  customer = master_id
  date     = date
  amount   = sales
}
\`\`\`
`;

describe('CLV: Add Connection…', () => {
  it('stores a URL in secret storage; a notebook naming the secret runs against the server', async () => {
    const url = process.env.CLV_TEST_PG_URL;
    assert.ok(url, 'CLV_TEST_PG_URL is set by the outer test');
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    // Arguments skip the two input boxes (the URL box is a password box).
    await vscode.commands.executeCommand('clv.addConnection', { name: 'warehouse', url });
    await vscode.workspace.fs.writeFile(workspaceFile('warehouse.clvnb'), new TextEncoder().encode(NOTEBOOK));

    const { notebook } = await openNotebook('warehouse.clvnb');
    await vscode.commands.executeCommand('notebook.execute');
    const [cell] = codeCells(notebook);
    await waitFor('the cell to finish', () => finished(cell), 120_000);
    const text = textOf(cell);
    assert.equal(cell.executionSummary?.success, true, text);
    assert.match(text, /dw: postgres, the secret "warehouse", read-only\./);
    assert.match(text, /6,919 transactions by 2,357 customers/);
    const password = new URL(url).password;
    assert.ok(password.length >= 8 && !text.includes(password) && !text.includes(url), 'the URL leaked');
  });
});
