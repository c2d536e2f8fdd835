// Runs the editor-level suite (test/vscode/suite) inside code-server's extension host: the
// extension's test hook loads the bundled suite when CLV_VSCODE_SUITE is set and writes the
// outcome to CLV_VSCODE_RESULTS, which this test waits for and reports.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite } from '../vscode/build-suite';
import { missingSetup, packageExtension, startCodeServer, type CodeServer } from './code-server';

describe('editor-level suite in code-server', function () {
  this.timeout(240_000);
  let server: CodeServer | undefined;

  before(function () {
    const missing = missingSetup();
    if (missing) {
      console.log(`    skipped: ${missing}`);
      this.skip();
    }
  });
  after(async () => server?.stop());

  it('passes every test of the suite inside the extension host', async () => {
    packageExtension();
    const results = path.join(os.tmpdir(), `clv-vscode-results-${process.pid}.json`);
    server = await startCodeServer({ CLV_VSCODE_SUITE: await buildSuite(), CLV_VSCODE_RESULTS: results, ...(process.env.CLV_VSCODE_GREP ? { CLV_VSCODE_GREP: process.env.CLV_VSCODE_GREP } : {}) });
    const started = Date.now();
    while (!existsSync(results)) {
      if (Date.now() - started > 200_000) assert.fail(`no results after 200 s; code-server log:\n${server.log().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const outcome = JSON.parse(readFileSync(results, 'utf8'));
    assert.ok(outcome.ok, outcome.error);
    const { passed, failed, failures } = outcome.outcome as { passed: number; failed: number; failures: { title: string; error: string }[] };
    console.log(`    in the extension host: ${passed} passing, ${failed} failing`);
    assert.deepEqual(failures, [], failures.map((f) => `${f.title}\n${f.error}`).join('\n\n'));
    if (!process.env.CLV_VSCODE_GREP) assert.ok(passed >= 7);
  });
});
