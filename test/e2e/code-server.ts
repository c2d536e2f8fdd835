// A real VS Code (code-server 4.139.1, installed by scripts/e2e/setup.sh into .cache/e2e/)
// serving a workspace on 127.0.0.1 with the packaged extension installed, and a headless
// Chromium to open it. Why this route and its pitfalls: test/e2e/README.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../vscode/build-suite';
import { CHROMIUM_ARGS, chromiumPath, missingChromium } from '../support/chromium';
import { freePort } from '../support/free-port';

const cache = path.join(repoRoot, '.cache', 'e2e');
const node24 = path.join(cache, 'node24', 'node_modules', '.bin', 'node');
const entry = path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const vsix = path.join(cache, 'clv-notebooks.vsix');

export const SETUP_COMMAND = 'sh scripts/e2e/setup.sh';

/** For `requirePrerequisite`: why the end-to-end suite cannot run here, or undefined when it can. */
export function missingSetup(): string | undefined {
  for (const [file, what] of [
    [node24, 'Node 24'],
    [entry, 'code-server'],
  ] as const) {
    if (!existsSync(file)) return `${what} is not installed (${file}): run \`${SETUP_COMMAND}\``;
  }
  return missingChromium();
}

/** Re-packages the extension so the run tests the current build (dist/ must be built). */
export function packageExtension(): void {
  const r = spawnSync(
    'npx',
    [
      '@vscode/vsce',
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--skip-license',
      '--baseContentUrl',
      'https://example.invalid/clv-notebooks',
      '-o',
      vsix,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vsce package failed: ${r.stderr || r.stdout}`);
}

export interface CodeServer {
  url: string;
  workspace: string;
  page: Page;
  log: () => string;
  stop(): Promise<void>;
}

/**
 * Starts code-server on a copy of the fixture workspace and opens it in Chromium. The
 * workspace is trusted unless `untrusted` (then VS Code runs in restricted mode); `prepare`
 * changes the copy before the editor opens it (e.g. makes it a git repository).
 */
export async function startCodeServer(
  env: Record<string, string> = {},
  untrusted = false,
  prepare?: (workspace: string) => void,
): Promise<CodeServer> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'clv-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(repoRoot, 'test/fixtures/vscode/workspace'), workspace, { recursive: true });
  prepare?.(workspace);
  const dirs = ['--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'extensions')];
  const xdg = { XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
  const install = spawnSync(node24, [entry, ...dirs, '--install-extension', vsix, '--force'], {
    env: { ...process.env, ...xdg },
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`installing the extension failed: ${install.stderr || install.stdout}`);

  const port = await freePort();
  let log = '';
  // Its own process group, so stop() ends code-server and every child it started.
  const child: ChildProcess = spawn(
    node24,
    [
      entry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(untrusted ? [] : ['--disable-workspace-trust']),
      ...dirs,
      workspace,
    ],
    { env: { ...process.env, ...xdg, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  for (let i = 0; ; i++) {
    if (log.includes('HTTP server listening')) break;
    if (child.exitCode !== null || i > 300) throw new Error(`code-server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // A generous wait: the first load compiles the workbench's scripts, slow on a busy machine.
  await page.goto(url, { timeout: 120_000 });
  return {
    url,
    workspace,
    page,
    log: () => log,
    async stop() {
      await browser.close().catch(() => undefined);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
