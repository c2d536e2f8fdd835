// The command line's own contract: help, version, and usage errors with exit code 2.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, clvnb, repoRoot } from './harness';

describe('clvnb usage', function () {
  this.timeout(120_000);
  before(buildOnce);
  const cwd = repoRoot;

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(await clvnb(['--version'], cwd), { code: 0, stdout: `clvnb ${version}\n`, stderr: '' });
  });

  it('lists the commands and exit codes in --help', async () => {
    const r = await clvnb(['--help'], cwd);
    assert.equal(r.code, 0);
    for (const command of ['run', 'check', 'fmt', 'diff', 'new'])
      assert.match(r.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(r.stdout, /Exit codes: 0 ok, 1 .*, 2 usage error, 3 internal error/);
  });

  it('has --help for each command, generated from its options', async () => {
    const run = await clvnb(['run', '--help'], cwd);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: clvnb run \[options\] NOTEBOOK$/m);
    assert.match(run.stdout, /--html REPORT +write a self-contained HTML report/);
    const fmt = await clvnb(['help', 'fmt'], cwd);
    assert.match(fmt.stdout, /--check +list files that would change/);
  });

  it('rejects an unknown command, an unknown option and missing arguments with exit 2', async () => {
    assert.deepEqual(await clvnb(['frobnicate'], cwd), {
      code: 2,
      stdout: '',
      stderr: "clvnb: unknown command 'frobnicate'\nRun 'clvnb --help' for usage.\n",
    });
    const option = await clvnb(['check', '--colour', 'x.clvnb'], cwd);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^clvnb: Unknown option '--colour'\nRun 'clvnb check --help' for usage\.\n$/);
    assert.deepEqual(await clvnb(['run'], cwd), {
      code: 2,
      stdout: '',
      stderr: "clvnb: missing argument: expected NOTEBOOK\nRun 'clvnb run --help' for usage.\n",
    });
    assert.equal(
      (await clvnb(['run', 'a.clvnb', 'b.clvnb'], cwd)).stderr.split('\n')[0],
      "clvnb: unexpected argument 'b.clvnb'",
    );
    assert.equal((await clvnb(['run', '--html'], cwd)).code, 2);
    assert.deepEqual(await clvnb(['run', 'x.clvnb', '--currency', 'XYZ'], cwd), {
      code: 2,
      stdout: '',
      stderr: "clvnb: unknown currency code 'XYZ'\nRun 'clvnb run --help' for usage.\n",
    });
    assert.equal(
      (
        await clvnb(
          ['new', '--from', 'cdnow', '--data', 'a.csv', '--out', 'b.clvnb', '--calibration-end', '1997-02-30'],
          cwd,
        )
      ).stderr.split('\n')[0],
      "clvnb: --calibration-end must be a date like 2024-06-30, not '1997-02-30'",
    );
  });
});
