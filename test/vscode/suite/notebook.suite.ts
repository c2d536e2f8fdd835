// The extension in a real VS Code: a CDNOW notebook opens through the serializer, runs
// through the controller (outputs, execution order, upstream cells, restart), the language
// server's diagnostics and rename reach the cells, and a long run is interrupted in each phase.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  codeCells,
  EXTENSION_ID,
  finished,
  jsonOf,
  mimesOf,
  textOf,
  openNotebook,
  waitFor,
  workspaceFile,
} from './notebook-helpers';
import type { ClvExtensionApi } from '../../../client/src/extension';
import { generatedCells, generatedCsv } from '../../kernel/generated-csv';

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
    // The segments asked for only, numbers without float noise (22.345, not 22.345000000000006).
    const champions = workspaceFile('out/champions.csv');
    await vscode.commands.executeCommand('clv.exportSegment', {
      target: champions,
      segments: 'tiers',
      labels: ['Champions'],
    });
    const rows = fs.readFileSync(champions.fsPath, 'utf8').trim().split('\n');
    const segment = rows[0].split(',').indexOf('segment');
    assert.ok(rows.length > 1 && rows.length < 1 + 2357, `${rows.length - 1} champions`);
    assert.ok(rows.slice(1).every((row) => row.split(',')[segment] === 'Champions'));
    assert.doesNotMatch(rows.join('\n'), /\.\d*(0{6,}|9{6,})\d/);
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
    // Rename it back: the open notebook is shared with the suites that follow (the Outline's
    // symbols), and reverting the active editor did not always reach it.
    const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      first.document.uri,
      first.document.positionAt(first.document.getText().indexOf('split cal') + 'split '.length),
      'calibration',
    );
    assert.ok(await vscode.workspace.applyEdit(back));
    assert.equal(first.document.getText(), text);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('interrupts a long run in each phase; the next run keeps what finished and answers correctly', async function () {
    this.timeout(900_000);
    const api = vscode.extensions.getExtension<ClvExtensionApi>(EXTENSION_ID)!.exports;
    const g = generatedCsv(1_000_000);
    const file = workspaceFile('phases.clvnb');
    // Pareto/NBD, not BG/NBD: its fit and its value take seconds, so those phases last longer
    // than the interrupt's round trip through the workbench.
    const cells = generatedCells(g).map((c) => ({ ...c, text: c.text.replace('bgnbd', 'pareto_nbd') }));
    fs.writeFileSync(file.fsPath, cells.map((c) => '```clv\n' + c.text + '\n```\n').join('\n'));
    const editor = await openNotebook('phases.clvnb');
    const code = codeCells(editor.notebook);
    const stops: string[] = [];
    // In dependency order: each Run All serves the phases before from the cache.
    for (const [index, phase] of cells.entries()) {
      const stop = await interruptPhase(api, code, index);
      if (typeof stop === 'string') {
        stops.push(`${phase.id}: ${stop}`);
        continue;
      }
      stops.push(`${phase.id}: ${stop.ms}${stop.own ? '' : ' (a later cell stopped)'}`);
      assert.match(textOf(stop.cell), /interrupt/i);
      // The kernel stopped by itself, within the grace period after the interrupt reached it
      // (else it is killed, its cache lost, and the cell says it was restarted).
      assert.doesNotMatch(textOf(stop.cell), /restarted/);
      // Timed from the command, a round trip through the workbench that took up to 10 s on a
      // machine loaded 15 deep, not from a click: the bench measures that. This catches a hang.
      assert.ok(stop.ms < 30_000, `${phase.id}: the run ended within 30 s of the interrupt (took ${stop.ms} ms)`);
      // What finished before is kept (served from the cache).
      for (const earlier of code.slice(0, index)) assert.equal(earlier.executionSummary?.success, true);
    }
    console.log(`      interrupt → run ended (ms): ${stops.join('; ')}`);
    assert.ok(
      stops.filter((s) => /\d$/.test(s)).length >= 3,
      `three phases stopped in their own cell: ${stops.join('; ')}`,
    );
    const startedAt = Date.now();
    await vscode.commands.executeCommand('notebook.execute');
    await waitFor('the next Run All to finish', () => code.every((c) => ranThrough(c, startedAt)), 600_000);
    assert.deepEqual(
      code.map((c) => c.executionSummary?.success),
      code.map(() => true),
    );
    const [purchases] = jsonOf<{ kind: string; converged: boolean; customers: number }>(code[2], MIME.model);
    assert.equal(purchases.kind, 'Pareto/NBD');
    assert.ok(purchases.converged);
    const [segments] = jsonOf<{ totalCustomers: number }>(code[4], MIME.segments);
    assert.equal(segments.totalCustomers, purchases.customers, 'every fitted customer is in a segment');
  });
});

/**
 * Runs all and interrupts once cell `index` is inside its work; returns the cell that stopped
 * and the milliseconds from the interrupt command to the run's end, or why nothing could be
 * interrupted. The interrupt is a round trip through the workbench (0.1–2 s on a loaded
 * machine), so a short phase may be over when it reaches the kernel and a later cell stops
 * instead (or none): then the kernel is restarted, so the phase runs again, up to three times.
 * (At a load of 15 on two cores the round trip took 10 s, longer than a phase.)
 */
async function interruptPhase(api: ClvExtensionApi, code: vscode.NotebookCell[], index: number) {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) await vscode.commands.executeCommand('clv.restartKernel');
    const startedAt = Date.now();
    // Not awaited yet: the command resolves only when the execution ends.
    const running = Promise.resolve(vscode.commands.executeCommand('notebook.execute'));
    if (!(await insideOf(api, code[index], running))) return 'too short to interrupt';
    const interruptedAt = Date.now();
    await vscode.commands.executeCommand('notebook.cancelExecution');
    await running;
    const ms = Date.now() - interruptedAt;
    // The cells' states reach this side after the command has resolved.
    await waitFor('every cell to show how this run ended', () => code.every((c) => ranThrough(c, startedAt)));
    const cell = code.slice(index).find((c) => c.executionSummary?.success === false);
    const own = cell === code[index];
    if (own || (cell && attempt === 3)) return { cell, ms, own };
    if (attempt === 3) return `the run ended before the interrupt reached it, 3 times (last ${ms} ms)`;
  }
}

/** Resolves with true at the first progress message of `cell` between 1 % and 50 %, or with false when `ended` does. */
function insideOf(api: ClvExtensionApi, cell: vscode.NotebookCell, ended: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const listener = api.onDidProgress((p) => {
      if (p.cell.document.uri.toString() !== cell.document.uri.toString() || !(p.fraction >= 0.01 && p.fraction <= 0.5))
        return;
      listener.dispose();
      resolve(true);
    });
    void ended.then(() => {
      listener.dispose();
      resolve(false);
    });
  });
}

/** The cell's last execution began at or after `since` and has ended. */
function ranThrough(cell: vscode.NotebookCell, since: number): boolean {
  return finished(cell) && cell.executionSummary!.timing!.startTime >= since;
}
