// What a user sees in code-server, through Chromium: the notebook opens as a notebook, Run
// All draws a chart inside the output webview (frames nested two deep), and the language
// server's diagnostic shows in the Problems panel. Screenshots go to test-results/e2e/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../vscode/build-suite';
import { requirePrerequisite } from '../support/prerequisites';
import { missingSetup, packageExtension, startCodeServer, type CodeServer } from './code-server';
import { frameWith, openFile, runCommand } from './workbench';

const shots = path.join(repoRoot, 'test-results', 'e2e');

describe('CLV notebooks in code-server (UI)', function () {
  this.timeout(180_000);
  let server: CodeServer | undefined;

  before(async function () {
    requirePrerequisite(this, missingSetup());
    mkdirSync(shots, { recursive: true });
    packageExtension();
    server = await startCodeServer();
    await server.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // The extension activates when the workspace holds notebooks (workspaceContains), before
    // the explorer has listed them, so a notebook opened after this opens as a notebook.
    await server.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await server?.page.screenshot({
        path: path.join(shots, `failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}.png`),
      });
  });
  after(async () => server?.stop());

  it('opens a .clvnb file as a notebook and draws its chart after Run All', async () => {
    const page = server!.page;
    await openFile(page, 'cdnow.clvnb');
    // Notebook cells, not a text editor showing the Markdown file.
    await page.waitForSelector('.notebook-editor .code-cell-row >> visible=true', { timeout: 30_000 });
    await runCommand(page, 'Notebook: Run All');
    // With one matching controller VS Code may still ask which kernel to use.
    const picker = await page
      .waitForSelector('.quick-input-list .monaco-list-row[aria-label*="CLV Kernel"]', { timeout: 5_000 })
      .catch(() => null);
    if (picker) await picker.click();
    const frame = await frameWith(page, '.vega-embed svg.marks', 90_000);
    assert.ok((await frame.$$('.vega-embed svg.marks path')).length > 0, 'the chart has marks');
    await page.screenshot({ path: path.join(shots, 'notebook-run-all.png') });
    // A tall window shows the whole notebook, charts included, in a second picture.
    await page.setViewportSize({ width: 1400, height: 3200 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(shots, 'notebook-chart.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('pages a table beyond the rows of its output: the renderer asks the kernel through the extension', async () => {
    const page = server!.page;
    // The table of every customer (the notebook has other, smaller tables).
    const pager = '.clv-output .pager:has(span:has-text("of 2,357"))';
    const frame = await frameWith(page, pager, 30_000);
    assert.equal(await frame.textContent(`${pager} span`), 'rows 1–25 of 2,357');
    // Clicks are sent to the button itself: a pointer click focuses the output webview, and VS
    // Code may then scroll the webview under the pointer before the next one.
    const next = frame.locator(`${pager} button:has-text("Next")`);
    await next.dispatchEvent('click');
    await frame.waitForSelector(`.clv-output .pager span:has-text("rows 26–50 of 2,357")`, { timeout: 10_000 });
    await next.dispatchEvent('click');
    await frame.waitForSelector(`.clv-output .pager span:has-text("rows 51–75 of 2,357")`, { timeout: 30_000 });
    const rows = await frame.$$eval('.clv-output .pager', (pagers) => {
      const table = pagers.find((p) => p.textContent?.includes('of 2,357'))!.parentElement!;
      return table.querySelectorAll('tbody tr').length;
    });
    assert.equal(rows, 25);
  });

  it('shows a diagnostic from the language server in the Problems panel', async () => {
    const page = server!.page;
    await openFile(page, 'broken.clvnb');
    await page.waitForSelector('.tab.active[aria-label*="broken.clvnb"]', { timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = await page.waitForSelector('.markers-panel .monaco-list-row:has-text("ordres")', { timeout: 30_000 });
    assert.match((await row.textContent()) ?? '', /unknown name `ordres`; did you mean `orders`\?/);
    await page.waitForSelector('.notebook-editor .code-cell-row >> visible=true', { timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'problems-panel.png') });
  });
});
