// The end-to-end runner's way into the extension host under code-server, which has no
// `--extensionTestsPath`: when CLV_VSCODE_SUITE names a bundled suite (test/vscode/suite),
// the extension runs it once it is active and writes the outcome to CLV_VSCODE_RESULTS.
// Unset in normal use, where this does nothing.
import * as fs from 'node:fs';

export function runSuiteIfAsked(): void {
  const suite = process.env.CLV_VSCODE_SUITE;
  const results = process.env.CLV_VSCODE_RESULTS;
  if (!suite || !results) return;
  // A require of a variable path: esbuild leaves it to run time, so the suite (and mocha)
  // never ship in the bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { run } = require(suite) as { run: () => Promise<unknown> };
  run().then(
    (outcome) => fs.writeFileSync(results, JSON.stringify({ ok: true, outcome })),
    (error: Error) => fs.writeFileSync(results, JSON.stringify({ ok: false, error: error.stack ?? String(error) })),
  );
}
