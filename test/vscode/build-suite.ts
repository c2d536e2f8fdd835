// Bundles the in-extension-host suite (test/vscode/suite) to one CommonJS file that VS Code's
// extension host can require. `vscode` is provided by the host; mocha is required from the
// repository's node_modules, which Node finds by walking up from the bundle in .cache/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundles `entry` (a module exporting `run()`, default the test suite) for the extension host. */
export async function buildSuite(entry = 'test/vscode/suite/index.ts'): Promise<string> {
  const outfile = path.join(repoRoot, '.cache', 'e2e', 'suite', path.basename(entry).replace(/\.ts$/, '.cjs'));
  await esbuild.build({
    entryPoints: [path.join(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outfile;
}
