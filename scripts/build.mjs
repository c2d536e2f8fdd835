// Builds every entry point of the product with esbuild: the VS Code client (CommonJS,
// `vscode` external), the language server, the kernel worker and the command line
// (Node ESM bundles), and the notebook renderer (browser ESM).
import { rmSync } from 'node:fs';
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
