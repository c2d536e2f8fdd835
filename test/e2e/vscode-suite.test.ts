// Runs the editor-level suites (test/vscode/suite) inside code-server's extension host: the
// extension's test hook loads a bundled suite when CLV_VSCODE_SUITE is set and writes the
// outcome to CLV_VSCODE_RESULTS, which these tests wait for and report.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, repoRoot } from '../vscode/build-suite';
import { postgresWithData } from '../engines/servers';
import { requirePrerequisite } from '../support/prerequisites';
import { missingSetup, packageExtension, startCodeServer } from './code-server';
import { activateByOpening } from './workbench';

interface Outcome {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

// The notebook suite runs a 1M-row notebook seven times (interrupting each phase); on a busy
// machine that takes minutes.
const RESULTS_WAIT_MS = 900_000;

/** Starts code-server with the suite `entry` in its extension host and returns its outcome. */
async function runInExtensionHost(
  entry: string,
  untrusted: boolean,
  env: Record<string, string> = {},
): Promise<Outcome> {
  const results = path.join(os.tmpdir(), `clv-vscode-results-${process.pid}.json`);
  rmSync(results, { force: true });
  const grep: Record<string, string> = process.env.CLV_VSCODE_GREP
    ? { CLV_VSCODE_GREP: process.env.CLV_VSCODE_GREP }
    : {};
  const server = await startCodeServer(
    { CLV_VSCODE_SUITE: await buildSuite(entry), CLV_VSCODE_RESULTS: results, ...grep, ...env },
    untrusted,
  );
  try {
    await activateByOpening(server.page, 'cdnow.clvnb');
    const started = Date.now();
    while (!existsSync(results)) {
      if (Date.now() - started > RESULTS_WAIT_MS) {
        await server.page.screenshot({
          path: path.join(repoRoot, 'test-results', 'e2e', `no-results-${path.basename(entry, '.ts')}.png`),
        });
        assert.fail(`no results after ${RESULTS_WAIT_MS / 1000} s; code-server log:\n${server.log().slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const outcome = JSON.parse(readFileSync(results, 'utf8'));
    assert.ok(outcome.ok, outcome.error);
    const { passed, failed, failures } = outcome.outcome as Outcome;
    console.log(`    in the extension host: ${passed} passing, ${failed} failing`);
    assert.deepEqual(failures, [], failures.map((f) => `${f.title}\n${f.error}`).join('\n\n'));
    return outcome.outcome;
  } finally {
    await server.stop();
    rmSync(results, { force: true });
  }
}

describe('editor-level suites in code-server', function () {
  this.timeout(RESULTS_WAIT_MS + 120_000);

  before(function () {
    requirePrerequisite(this, missingSetup());
    packageExtension();
  });

  it('passes every test of the notebook suite inside the extension host', async () => {
    const { passed } = await runInExtensionHost('test/vscode/suite/index.ts', false);
    if (!process.env.CLV_VSCODE_GREP) assert.ok(passed >= 8);
  });

  it('in an untrusted workspace, checks notebooks but refuses exports', async () => {
    const { passed } = await runInExtensionHost('test/vscode/suite/untrusted.ts', true);
    assert.equal(passed, 2);
  });

  it('CLV: Add Connection… stores a URL the kernel then uses (real PostgreSQL)', async function () {
    const pg = await postgresWithData(this);
    this.timeout(240_000); // the server's set-up had its own allowance
    const { passed } = await runInExtensionHost('test/vscode/suite/connections.ts', false, { CLV_TEST_PG_URL: pg.url });
    assert.equal(passed, 1);
  });
});
