// Makes the pictures in docs/review.md and docs/extension.md from the real editor: code-server
// (scripts/e2e/setup.sh installs it) on the review scenario of test/e2e/git-workspace.ts, for
// the notebook diff editor and "CLV: Compare Segments with…"; and the web build in a VS Code
// for the browser (test/e2e/test-web.ts) for a notebook checked in a browser.
// Usage: npm run build && npx tsx scripts/editor-screenshots.ts
import { join } from 'node:path';
import { packageExtension, startCodeServer } from '../test/e2e/code-server';
import { commitThenEdit } from '../test/e2e/git-workspace';
import { openWebNotebook, startWebHost } from '../test/e2e/test-web';
import { frameWith, openChanges, openFile, runCommand } from '../test/e2e/workbench';

const images = join(import.meta.dirname, '..', 'docs', 'images');

packageExtension();
const server = await startCodeServer({}, false, commitThenEdit);
try {
  const page = server.page;
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
  await openChanges(page, 'cdnow.clvnb');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(images, 'notebook-diff.png') });

  await openFile(page, 'cdnow.clvnb');
  await page.waitForSelector('.notebook-editor .code-cell-row >> visible=true', { timeout: 60_000 });
  await runCommand(page, 'CLV: Compare Segments with');
  // The first revision offered is the checked-out branch: the commit before the edit.
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 60_000 });
  await page.keyboard.press('Enter');
  await frameWith(page, 'text=change segment', 180_000);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(images, 'compare-segments.png') });
} finally {
  await server.stop();
}

const web = await startWebHost();
try {
  const page = web.page;
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
  await openWebNotebook(page, 'broken.clvnb');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row:has-text("ordres")', { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(images, 'web-notebook.png') });
} finally {
  await web.stop();
}
