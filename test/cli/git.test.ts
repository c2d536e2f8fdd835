// Reading a notebook as it was at a git revision (for `clvnb diff`), in a real repository
// made in a temp folder, from a subfolder, with git's failures turned into plain messages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAtRevision } from '../../server/src/cli/git';

describe('reading a file at a git revision', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'clv-git-'));
    mkdirSync(join(repo, 'notebooks'));
    git('init', '-q');
    writeFileSync(join(repo, 'notebooks', 'a.clvnb'), 'first\n');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    writeFileSync(join(repo, 'notebooks', 'a.clvnb'), 'second\n');
    git('commit', '-q', '-am', 'two');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the file at a revision, by a path in a subfolder', async () => {
    assert.equal(await readAtRevision(join(repo, 'notebooks', 'a.clvnb'), 'HEAD~1'), 'first\n');
    assert.equal(await readAtRevision(join(repo, 'notebooks', 'a.clvnb'), 'HEAD'), 'second\n');
  });

  it('says which file and revision could not be read', async () => {
    await assert.rejects(
      readAtRevision(join(repo, 'notebooks', 'a.clvnb'), 'HEAD~5'),
      /^Error: cannot read notebooks\/a\.clvnb at revision HEAD~5: /,
    );
    writeFileSync(join(repo, 'notebooks', 'new.clvnb'), 'x\n');
    await assert.rejects(
      readAtRevision(join(repo, 'notebooks', 'new.clvnb'), 'HEAD'),
      /cannot read notebooks\/new\.clvnb at revision HEAD: .*new\.clvnb/,
    );
  });

  it('refuses a revision that git would take as an option', async () => {
    await assert.rejects(
      readAtRevision(join(repo, 'notebooks', 'a.clvnb'), '--output=/tmp/x'),
      /invalid revision '--output=\/tmp\/x'/,
    );
  });
});
