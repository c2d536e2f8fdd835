// Loads the built renderer bundle into headless Chromium, the way VS Code's output webview
// does: an ES module page served from 127.0.0.1, the renderer imported and activated, outputs
// handed to renderOutputItem. Tests then read the DOM the renderer built. With `messaging`,
// the renderer's context posts messages to a handler in the test process (as VS Code relays
// them to the extension) and the handler's answers come back through onDidReceiveMessage.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = path.join(repoRoot, 'dist/notebook-renderer/index.js');

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body class="vscode-light">
<script type="module">
  import { activate } from '/renderer.js';
  const listeners = [];
  window.clvDeliver = (message) => listeners.forEach((listener) => listener(message));
  const context = window.clvPost
    ? { postMessage: (message) => void window.clvPost(message), onDidReceiveMessage: (listener) => (listeners.push(listener), { dispose() {} }) }
    : {};
  window.renderer = activate(context);
  window.rendererReady = true;
</script></body></html>`;

export interface RendererPage {
  page: Page;
  /** Every request the page made that was not to our server (must stay empty: no network). */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** Answers a message the renderer posted; the answer (if any) is delivered back to it. */
export type MessageHandler = (message: unknown) => Promise<unknown>;

export async function openRendererPage(messaging?: MessageHandler): Promise<RendererPage> {
  const script = readFileSync(bundle);
  const server: Server = createServer((req, res) => {
    if (req.url === '/renderer.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  // tsx compiles these tests with esbuild's keepNames, which wraps functions handed to
  // page.evaluate in a `__name` helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  if (messaging) {
    await page.exposeFunction('clvPost', async (message: unknown) => {
      const answer = await messaging(message);
      if (answer !== undefined)
        await page.evaluate((m) => (window as unknown as { clvDeliver(m: unknown): void }).clvDeliver(m), answer);
    });
  }
  const foreignRequests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  await page.goto(origin + '/');
  await page.waitForFunction(() => (window as unknown as { rendererReady?: boolean }).rendererReady === true);
  return {
    page,
    foreignRequests,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Renders one output item into a fresh element with the given id; returns the element's id. */
export async function render(page: Page, id: string, mime: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ({ id, mime, value }) => {
      const element = document.createElement('div');
      element.id = id;
      document.body.append(element);
      const w = window as unknown as { renderer: { renderOutputItem(item: unknown, el: HTMLElement): Promise<void> } };
      await w.renderer.renderOutputItem({ id, mime, json: () => value }, element);
    },
    { id, mime, value },
  );
}
