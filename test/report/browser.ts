// Opens an HTML file in headless Chromium (playwright-core, no downloaded browser)
// and records everything a self-contained report must not do: console errors, uncaught page
// errors and any request other than the file itself. Shared by the report and CLI tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  /** URLs requested besides the report file itself. */
  requests: string[];
  close(): Promise<void>;
}

export async function openInChromium(htmlPath: string): Promise<OpenedPage> {
  const profile = mkdtempSync(join(tmpdir(), 'clv-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(htmlPath).href;
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => r.url() !== url && requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    consoleErrors,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
