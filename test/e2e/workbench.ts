// Driving the workbench through Chromium the way a user does: the command palette, quick open,
// and the webview frames that hold notebook outputs.
import type { Frame, Page } from 'playwright-core';

export async function runCommand(page: Page, title: string) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`);
  await page.keyboard.press('Enter');
}

export async function openFile(page: Page, name: string) {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
  await page.keyboard.press('Enter');
}

/** The frame (inside the notebook's output webview) in which `selector` exists. */
export async function frameWith(page: Page, selector: string, timeoutMs: number): Promise<Frame> {
  const started = Date.now();
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`no frame holds ${selector} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Source Control → the changed file: VS Code's diff editor (for a notebook, the notebook diff editor). */
export async function openChanges(page: Page, name: string) {
  await page.keyboard.press('Control+Shift+G');
  await (await page.waitForSelector(`.scm-view .monaco-list-row:has-text("${name}")`, { timeout: 60_000 })).click();
  await page.waitForSelector('.notebook-text-diff-editor .input-header-container.modified', {
    state: 'attached',
    timeout: 60_000,
  });
}

/** Opens a file from the explorer (quick open finds no files in a host without a search provider). */
export async function openFromExplorer(page: Page, name: string) {
  await page.click(`.explorer-folders-view .monaco-list-row[aria-label*="${name}"]`, { timeout: 60_000 });
}

/**
 * Opens notebook `name` from the explorer, which activates the extension (onNotebook). Its
 * other trigger, a workspace holding a .clvnb file, is a file search VS Code gives up on after a
 * few seconds, so on a busy machine the extension (and a suite its test hook runs) may never start.
 */
export async function activateByOpening(page: Page, name: string) {
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await openFromExplorer(page, name);
}
