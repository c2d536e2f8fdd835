// Builds every entry point of the product with esbuild: the VS Code client (CommonJS,
// `vscode` external), the language server, the kernel worker and the command line
// (Node ESM bundles), the notebook renderer (browser ESM), and the web extension (the
// client and the language server for a browser: vscode.dev, github.dev).
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

// Bundled CommonJS dependencies call `require` for Node built-ins; an ESM bundle has no
// `require`, so give it one.
const nodeEsmBanner =
  "import { createRequire as __clvCreateRequire } from 'node:module'; const require = __clvCreateRequire(import.meta.url);";

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
// DuckDB is a native module (one binary per platform): it cannot be bundled, so the Node
// bundles load it from node_modules at run time.
const nodeEsm = {
  ...common,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: nodeEsmBanner },
  external: ['@duckdb/node-api', '@duckdb/node-bindings'],
};

// The web build: where a module `x.ts` has a sibling `x.browser.ts`, the sibling is bundled
// instead (the few modules that need a disk: data-file schemas, path completion). Everything
// else is shared with the Node build. esbuild refuses a Node built-in (`node:fs`, ...) on the
// browser platform, so a Node API reaching these bundles, the language core included, fails
// the build.
const browserSiblings = {
  name: 'browser-siblings',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const sibling = `${resolve(args.resolveDir, args.path)}.browser.ts`;
      return existsSync(sibling) ? { path: sibling } : undefined;
    });
  },
};
const web = { ...common, platform: 'browser', target: 'es2022', plugins: [browserSiblings] };

const builds = [
  {
    ...common,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client/extension.cjs',
    external: ['vscode'],
  },
  // Loaded by the client just after activation (see client/src/extension.ts).
  {
    ...common,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    entryPoints: ['client/src/language-client.ts'],
    outfile: 'dist/client/language-client.cjs',
    external: ['vscode'],
  },
  { ...nodeEsm, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server/main.mjs' },
  { ...nodeEsm, entryPoints: ['server/src/lsp/schema/schema-worker.ts'], outfile: 'dist/server/schema-worker.mjs' },
  { ...nodeEsm, entryPoints: ['server/src/kernel/worker.ts'], outfile: 'dist/kernel/worker.mjs' },
  // Split into chunks that load on demand: `clvnb --version` loads only the entry, `run` the
  // kernel, and vega/vega-lite load only when a report is written (see server/src/cli/clvnb.ts).
  {
    ...nodeEsm,
    entryPoints: { clvnb: 'server/src/cli/clvnb.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node\n' + nodeEsmBanner },
  },
  {
    ...common,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    entryPoints: ['notebook-renderer/src/index.ts'],
    outfile: 'dist/notebook-renderer/index.js',
  },
  // package.json's `browser` entry: loaded by the web extension host (a web worker) as CommonJS,
  // which for a `"type": "module"` package it does only for a `.cjs` file.
  {
    ...web,
    format: 'cjs',
    entryPoints: ['client/src/web/extension.ts'],
    outfile: 'dist/web/extension.cjs',
    external: ['vscode'],
  },
  // The language server in a web worker the web extension starts.
  { ...web, format: 'iife', entryPoints: ['server/src/lsp/browser-main.ts'], outfile: 'dist/web/server.js' },
];

// Chunk names carry a content hash: without this, every build would leave the last one's
// chunks beside the new ones (and in the packaged extension).
rmSync('dist/cli/chunks', { recursive: true, force: true });

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log(`watching ${builds.length} entry points`);
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
