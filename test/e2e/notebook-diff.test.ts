// Source Control → Open Changes on a `.clvnb` in code-server: VS Code's notebook diff editor,
// fed by the extension's serializer on both sides (the working file and git's HEAD), shows the
// edited clv cell's lines as a highlighted diff, the appended cell as inserted, the unchanged
// cells folded away, and no "metadata changed" noise from the cells' layouts.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../vscode/build-suite';
import { requirePrerequisite } from '../support/prerequisites';
import { missingSetup, packageExtension, startCodeServer, type CodeServer } from './code-server';
import { commitThenEdit } from './git-workspace';
import { openChanges } from './workbench';

const shots = path.join(repoRoot, 'test-results', 'e2e');

describe('notebook diff editor (Source Control → Open Changes) in code-server', function () {
  // Generous: packaging the extension and starting code-server take minutes on a busy machine.
  this.timeout(420_000);
  let server: CodeServer | undefined;

  before(async function () {
    requirePrerequisite(this, missingSetup());
    mkdirSync(shots, { recursive: true });
    packageExtension();
    server = await startCodeServer({}, false, commitThenEdit);
    // Tall enough that the diff's virtual list draws every cell.
    await server.page.setViewportSize({ width: 1400, height: 1600 });
    await server.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 180_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await server?.page.screenshot({ path: path.join(shots, 'failed-diff.png') });
  });
  after(async () => server?.stop());

  it('shows the changed clv cell as a line diff and the new cell as inserted, without metadata changes', async () => {
    const page = server!.page;
    await openChanges(page, 'cdnow.clvnb');
    const editor = '.notebook-text-diff-editor';
    const text = async (selector: string) =>
      (await page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''))).map((t) => t.replace(/\u00a0/g, ' '));
    // Two cells differ: the edited rule (both sides) and the appended table (new side only).
    assert.deepEqual(await text(`${editor} .cell-placeholder-body .contents .text`), ['4 hidden cells']);
    const original = (await text(`${editor} .original-in-monaco-diff-editor .view-lines`)).join('\n');
    const modified = (await text(`${editor} .modified-in-monaco-diff-editor .view-lines`)).join('\n');
    assert.match(original, /"Champions" +when clv in top 10% and p_alive > 0\.7/);
    assert.match(modified, /"Champions" +when clv in top 10% and p_alive > 0\.9/);
    await page.waitForSelector(`${editor} .monaco-list-row:has-text("table watch = clv")`, { timeout: 10_000 });
    // The cells' layouts are transient: neither the edited cell nor the one before the new
    // cell shows a metadata change.
    assert.equal(await page.$$(`${editor} .metadata-header-container.modified`).then((m) => m.length), 0);
    // The new cell is a clv cell, highlighted as one: its line has tokens of several kinds.
    const kinds = await page.$$eval(
      `${editor} .monaco-list-row:has-text("table watch = clv") .view-line span span`,
      (spans) => new Set(spans.map((s) => s.className)).size,
    );
    assert.ok(kinds >= 3, `token kinds on the new cell's line: ${kinds}`);
    await page.screenshot({ path: path.join(shots, 'notebook-diff.png') });
  });
});
