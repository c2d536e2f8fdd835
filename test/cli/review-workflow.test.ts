// The pull-request review of docs/review.md, run as GitHub Actions would run it: the script the
// workflow calls (docs/examples/clv-review.sh) in a real git repository with a base commit and
// a pull request's commits, against the built clvnb. The comment it writes is checked as a
// reviewer reads it; the workflow file is checked to call that script and to find its comment
// by the marker the script writes.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, repoRoot, workspace, type Workspace } from './harness';

const examples = join(repoRoot, 'docs', 'examples');
const script = join(examples, 'clv-review.sh');
const cli = `${process.execPath} ${join(repoRoot, 'dist', 'cli', 'clvnb.mjs')}`;

function review(dir: string, base: string): Promise<{ code: number; comment: string }> {
  return new Promise((done) => {
    execFile('bash', [script, base, 'comment.md'], { cwd: dir, env: { ...process.env, CLVNB: cli } }, (error) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, comment: readFileSync(join(dir, 'comment.md'), 'utf8') });
    });
  });
}

describe('pull-request review workflow (docs/examples)', function () {
  this.timeout(300_000);
  let ws: Workspace;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: ws.dir });

  before(() => {
    buildOnce();
    ws = workspace();
    ws.add('cdnow.clvnb');
    git('init', '-q');
    git('add', 'cdnow.clvnb');
    git('commit', '-q', '-m', 'base');
    const text = readFileSync(join(ws.dir, 'cdnow.clvnb'), 'utf8');
    writeFileSync(
      join(ws.dir, 'cdnow.clvnb'),
      text.replace('"Sleeping"  when p_alive < 0.3', '"Sleeping"  when p_alive < 0.5'),
    );
    git('commit', '-q', '-am', 'raise the sleeping threshold');
  });
  after(() => ws?.remove());

  it('posts the checks and the segment migration of a changed notebook', async () => {
    const { code, comment } = await review(ws.dir, 'HEAD~1');
    assert.equal(code, 0, comment);
    const lines = comment.split('\n');
    assert.equal(lines[0], '<!-- clv-notebooks-review -->');
    assert.ok(comment.includes('### `cdnow.clvnb`'), comment);
    assert.ok(comment.includes('- ✅ `clvnb check`: no errors'), comment);
    assert.ok(comment.includes('- ✅ `clvnb fmt --check`: canonical layout'), comment);
    assert.ok(comment.includes('Rules: as at `HEAD~1` (then) against the working tree (now).'), comment);
    assert.ok(comment.includes('```diff\n- "Sleeping" when p_alive < 0.3\n+ "Sleeping" when p_alive < 0.5\n```'));
    assert.match(comment, /^#### Segments `tiers` on `clv` \(cell 4, line \d+\)$/m);
    assert.match(comment, /\b\d+ of 2,357 customers \(\d+\.\d%\) change segment/);
    // Under GitHub's comment limit, and no heading above the notebook's own section.
    assert.ok(comment.length < 65_536);
    assert.ok(!/^##? /m.test(comment.split('\n').slice(2).join('\n')), comment);
  });

  it('fails, and says so in the comment, when a notebook has errors or is not formatted', async () => {
    const text = readFileSync(join(ws.dir, 'cdnow.clvnb'), 'utf8');
    writeFileSync(
      join(ws.dir, 'cdnow.clvnb'),
      text.replace('"Sleeping"  when p_alive < 0.5', '"Sleeping"    when p_alive < 0.5 and p_aliv < 1'),
    );
    git('commit', '-q', '-am', 'a typo and a layout change');
    const { code, comment } = await review(ws.dir, 'HEAD~2');
    assert.equal(code, 1);
    assert.ok(comment.includes('- ❌ `clvnb check` found problems:'), comment);
    assert.match(comment, /cdnow\.clvnb:\d+:\d+: error: .*p_aliv/);
    assert.ok(comment.includes('- ❌ `clvnb fmt --check`: run `clvnb fmt cdnow.clvnb` and commit the result'));
    assert.ok(comment.includes('Segment changes could not be computed:'), comment);
  });

  it('says when no notebook changed, and counts a new notebook as new', async () => {
    writeFileSync(join(ws.dir, 'notes.txt'), 'not a notebook\n');
    git('add', 'notes.txt');
    git('commit', '-q', '-m', 'no notebook');
    assert.match((await review(ws.dir, 'HEAD~1')).comment, /^No notebook changed since `HEAD~1`\.$/m);
    ws.add('cdnow.clvnb', 'second.clvnb');
    git('add', 'second.clvnb');
    git('commit', '-q', '-m', 'a new notebook');
    const { code, comment } = await review(ws.dir, 'HEAD~1');
    assert.equal(code, 0, comment);
    assert.ok(comment.includes('New notebook: no segments to compare with `HEAD~1`.'), comment);
  });

  it("is what the workflow runs, and the workflow finds the comment by the script's marker", () => {
    const workflow = readFileSync(join(examples, 'clv-review.yml'), 'utf8');
    const marker = readFileSync(script, 'utf8').match(/^marker='(.*)'$/m)![1];
    assert.ok(workflow.includes(`const marker = '${marker}';`));
    assert.match(
      workflow,
      /run: bash \.github\/scripts\/clv-review\.sh "origin\/\$\{\{ github\.base_ref \}\}" clv-review\.md/,
    );
    assert.match(workflow, /fetch-depth: 0/);
  });
});
