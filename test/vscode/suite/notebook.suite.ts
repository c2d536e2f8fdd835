// The extension in a real VS Code: a CDNOW notebook opens through the serializer, runs
// through the controller (outputs, execution order, upstream cells, restart), the language
// server's diagnostics and rename reach the cells, and a long cell is interrupted promptly.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeCells, finished, jsonOf, mimesOf, textOf, openNotebook, waitFor, workspaceFile } from './notebook-helpers';

const MIME = {
  vegaLite: 'application/vnd.vegalite.v5+json',
  model: 'application/vnd.clv.model+json',
  segments: 'application/vnd.clv.segments+json',
  table: 'application/vnd.clv.table+json',
  error: 'application/vnd.code.notebook.error',
};

describe('CLV notebook in VS Code', () => {
  let notebook: vscode.NotebookDocument;

  before(async () => {
    notebook = (await openNotebook('cdnow.clvnb')).notebook;
  });

  it('opens .clvnb files as CLV notebooks with clv code cells', () => {
    assert.equal(notebook.notebookType, 'clv-notebook');
    const cells = codeCells(notebook);
    assert.equal(cells.length, 4);
    assert.ok(cells.every((c) => c.document.languageId === 'clv'));
    assert.equal(notebook.cellAt(0).kind, vscode.NotebookCellKind.Markup);
  });

  it('runs all cells: model, chart, segments and table outputs, numbered in order', async () => {
    await vscode.commands.executeCommand('notebook.execute');
    const cells = codeCells(notebook);
    await waitFor('every code cell to finish', () => cells.every(finished));
    for (const cell of cells)
      assert.equal(
        cell.executionSummary?.success,
        true,
        `cell ${cell.index} succeeded: ${JSON.stringify(mimesOf(cell))}`,
      );
    const models = jsonOf<{ kind: string; parameters: { name: string; estimate: number }[] }>(cells[1], MIME.model);
    assert.deepEqual(
      models.map((m) => m.kind),
      ['BG/NBD', 'Gamma-Gamma'],
    );
    // Fader, Hardie & Lee (2005): r = 0.243 on this data.
    assert.equal(models[0].parameters[0].estimate.toFixed(3), '0.243');
    assert.ok(mimesOf(cells[2]).includes(MIME.vegaLite), 'the Lorenz chart');
    const [segments] = jsonOf<{ totalCustomers: number; segments: { name: string }[] }>(cells[3], MIME.segments);
    assert.equal(segments.totalCustomers, 2357);
    assert.deepEqual(
      segments.segments.map((s) => s.name),
      ['Champions', 'One-off', 'Everyone else'],
    );
    // Every customer: the output holds the first 50 rows, the renderer asks the kernel for more.
    const [table] = jsonOf<{ rows: unknown[][]; totalRows: number; source: string }>(cells[3], MIME.table);
    assert.deepEqual([table.rows.length, table.totalRows, table.source], [50, 2357, 'top']);
    const orders = cells.map((c) => c.executionSummary!.executionOrder!);
    assert.deepEqual(
      [...orders].sort((a, b) => a - b),
      orders,
      'execution order follows the dependency order',
    );
    assert.equal(new Set(orders).size, orders.length);
  });

  it('after a kernel restart, running the last cell also runs the stale cells it depends on', async () => {
    const cells = codeCells(notebook);
    const restartedAt = Date.now();
    await vscode.commands.executeCommand('clv.restartKernel');
    await vscode.commands.executeCommand('notebook.cell.execute', {
      ranges: [{ start: cells[3].index, end: cells[3].index + 1 }],
      document: notebook.uri,
    });
    await waitFor('the upstream cells to run again', () =>
      cells.every((c) => (c.executionSummary?.timing?.startTime ?? 0) >= restartedAt && finished(c)),
    );
    assert.ok(cells.every((c) => c.executionSummary?.success === true));
    assert.deepEqual(
      cells.map((c) => c.executionSummary!.executionOrder),
      [1, 2, 3, 4],
      'numbering restarted with the kernel',
    );
  });

  it('exports the notebook as an HTML report and a segment as CSV', async () => {
    await openNotebook('cdnow.clvnb');
    const report = workspaceFile('out/report.html');
    await vscode.commands.executeCommand('clv.exportReport', { target: report });
    const html = fs.readFileSync(report.fsPath, 'utf8');
    assert.match(html, /<h1[^>]*>CDNOW in the editor<\/h1>/);
    assert.ok((html.match(/<svg/g) ?? []).length >= 2, 'charts drawn as inline SVG');
    const csv = workspaceFile('out/tiers.csv');
    await vscode.commands.executeCommand('clv.exportSegment', { target: csv, segments: 'tiers' });
    const lines = fs.readFileSync(csv.fsPath, 'utf8').trim().split('\n');
    assert.equal(lines.length, 1 + 2357, 'a header and one line per customer');
    assert.match(lines[0], /customer/);
  });

  it('shows the language server diagnostics on the cell with the mistake', async () => {
    const broken = (await openNotebook('broken.clvnb')).notebook;
    const cell = codeCells(broken)[1];
    await waitFor(
      'diagnostics on the split cell',
      () => vscode.languages.getDiagnostics(cell.document.uri).length > 0,
      30_000,
    );
    const [diagnostic] = vscode.languages.getDiagnostics(cell.document.uri);
    assert.match(diagnostic.message, /unknown name `ordres`; did you mean `orders`\?/);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character],
      [0, 12, 18],
    );
    assert.equal(vscode.languages.getDiagnostics(codeCells(broken)[0].document.uri).length, 0);
  });

  it('shows a run error as an error output on the failing cell', async () => {
    const editor = await openNotebook('broken.clvnb');
    const cell = codeCells(editor.notebook)[1];
    await vscode.commands.executeCommand('notebook.cell.execute', {
      ranges: [{ start: cell.index, end: cell.index + 1 }],
      document: editor.notebook.uri,
    });
    await waitFor('the failing cell to finish', () => finished(cell));
    assert.equal(cell.executionSummary?.success, false);
    const [error] = jsonOf<{ message: string }>(cell, MIME.error);
    assert.match(error.message, /ordres/);
  });

  it('renames a definition across cells through the language server', async () => {
    const editor = await openNotebook('cdnow.clvnb');
    const [first, second] = codeCells(editor.notebook);
    const text = first.document.getText();
    const at = first.document.positionAt(text.indexOf('split calibration') + 'split '.length);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      first.document.uri,
      at,
      'cal',
    );
    assert.ok(edit, 'a rename edit');
    assert.deepEqual(
      edit
        .entries()
        .map(([uri, edits]) => [uri.toString(), edits.length])
        .sort(),
      [
        [first.document.uri.toString(), 1],
        [second.document.uri.toString(), 2],
      ].sort(),
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(first.document.getText(), /split cal = orders/);
    assert.match(second.document.getText(), /bgnbd\(cal\)[\s\S]*gamma_gamma\(cal\)/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('interrupts a long load promptly', async function () {
    writeBigLog(workspaceFile('data/big.csv').fsPath);
    const editor = await openNotebook('slow.clvnb');
    const [cell] = codeCells(editor.notebook);
    // Not awaited: the command resolves only when the execution ends.
    const execution = vscode.commands.executeCommand('notebook.cell.execute', {
      ranges: [{ start: cell.index, end: cell.index + 1 }],
      document: editor.notebook.uri,
    });
    await waitFor('progress of the load in the cell', () => /\(\d+%\)/.test(textOf(cell)), 20_000);
    assert.ok(!finished(cell), `still running before the interrupt; it ended with: ${textOf(cell)}`);
    const interruptedAt = Date.now();
    await vscode.commands.executeCommand('notebook.cancelExecution');
    await waitFor('the interrupted cell to end', () => finished(cell), 5_000);
    await execution;
    const tookMs = Date.now() - interruptedAt;
    assert.ok(tookMs < 2_000, `stopped within 2 s of the interrupt (took ${tookMs} ms)`);
    assert.equal(cell.executionSummary?.success, false);
    assert.match(textOf(cell), /interrupt/i);
  });
});

/** Two million purchases by 200,000 customers in 2020: a few seconds to load and fit. */
function writeBigLog(file: string) {
  if (fs.existsSync(file)) return;
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'customer,date,amount\n');
  let chunk = '';
  for (let i = 0; i < 2_000_000; i++) {
    const day = 1 + ((i * 7919) % 360);
    const date = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
    chunk += `c${(i * 104729) % 200_000},${date},${(5 + (i % 97)).toFixed(2)}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}
