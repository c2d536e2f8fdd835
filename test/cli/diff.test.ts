// `clvnb diff` on a real git repository made in a temp folder: two commits, the second
// raises the "Sleeping" threshold. The migration matrix must agree with the segment sizes
// and values that `clvnb run` reports for each revision on its own.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, clvnb, workspace, type CliResult, type Workspace } from './harness';

const SEGMENTS = 'application/vnd.clv.segments+json';

/** The rows of the Markdown table that follows `heading`, as numbers (label dropped). */
function markdownMatrix(markdown: string, heading: string): Map<string, number[]> {
  const table = markdown.slice(markdown.indexOf(heading)).split('\n\n')[1];
  const rows = table
    .split('\n')
    .slice(2)
    .map((line) => line.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '')));
  return new Map(rows.map(([label, ...cells]) => [label, cells.map((c) => Number(c.replace(/,/g, '')))]));
}

describe('clvnb diff', function () {
  this.timeout(300_000);
  let ws: Workspace;
  let markdown: CliResult;
  let text: CliResult;
  const sizes: Record<string, Record<string, { customers: number; value: number }>> = {};
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ws.dir, stdio: 'pipe' });

  before(async () => {
    buildOnce();
    ws = workspace();
    const notebook = ws.add('cdnow.clvnb');
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', 'cdnow.clvnb');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'first');
    const before = readFileSync(notebook, 'utf8');
    writeFileSync(join(ws.dir, 'old.clvnb'), before);
    writeFileSync(notebook, before.replace('"Sleeping"  when p_alive < 0.3', '"Sleeping"  when p_alive < 0.5'));
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-am', 'raise the sleeping threshold');
    for (const [side, file] of [
      ['old', 'old.clvnb'],
      ['new', 'cdnow.clvnb'],
    ]) {
      await clvnb(['run', file, '--json', `${side}.json`], ws.dir);
      const payload = JSON.parse(readFileSync(join(ws.dir, `${side}.json`), 'utf8'))
        .cells.flatMap((c: any) => c.outputs)
        .map((o: any) => o.data[SEGMENTS])
        .find(Boolean);
      sizes[side] = Object.fromEntries(
        payload.segments.map((s: any) => [s.name, { customers: s.customers, value: s.value }]),
      );
    }
    markdown = await clvnb(['diff', 'HEAD~1', 'cdnow.clvnb', '--markdown', '--html', 'diff.html'], ws.dir);
    text = await clvnb(['diff', 'HEAD~1', 'cdnow.clvnb'], ws.dir);
  });
  after(() => ws?.remove());

  it('exits 0 and names the changed rule, old and new', () => {
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.ok(
      markdown.stdout.includes('```diff\n- "Sleeping" when p_alive < 0.3\n+ "Sleeping" when p_alive < 0.5\n```'),
      markdown.stdout,
    );
    assert.match(text.stdout, /^ {4}- "Sleeping" when p_alive < 0\.3\n {4}\+ "Sleeping" when p_alive < 0\.5$/m);
  });

  it("names the block's cell, and writes the same as a self-contained page with --html", () => {
    const line = readFileSync(join(ws.dir, 'cdnow.clvnb'), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('segments tiers'));
    assert.ok(
      markdown.stdout.includes(`### Segments \`tiers\` on \`clv\` (cell 4, line ${line + 1})`),
      markdown.stdout,
    );
    const page = readFileSync(join(ws.dir, 'diff.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.ok(
      page.includes(`<h3>Segments <code>tiers</code> on <code>clv</code> (cell 4, line ${line + 1})</h3>`),
      page,
    );
    assert.ok(page.includes('<table>') && !/<script/i.test(page));
  });

  it('moves exactly the customers between the two thresholds from Others to Sleeping', () => {
    const { old, new: now } = sizes;
    const counts = markdownMatrix(markdown.stdout, '**Customers**');
    const moved = now.Sleeping.customers - old.Sleeping.customers;
    assert.ok(moved > 0);
    assert.deepEqual(counts.get('Champions'), [old.Champions.customers, 0, 0, old.Champions.customers]);
    assert.deepEqual(counts.get('Sleeping'), [0, old.Sleeping.customers, 0, old.Sleeping.customers]);
    assert.deepEqual(counts.get('Others'), [0, moved, now.Others.customers, old.Others.customers]);
    assert.deepEqual(counts.get('Total'), [
      now.Champions.customers,
      now.Sleeping.customers,
      now.Others.customers,
      2357,
    ]);
    assert.match(markdown.stdout, new RegExp(`\\b${moved} of 2,357 customers \\(\\d+\\.\\d%\\) change segment`));
  });

  it('sums predicted value per cell consistently with each revision segment values', () => {
    const { old, new: now } = sizes;
    const values = markdownMatrix(markdown.stdout, '**Predicted clv**');
    const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 0.01, `${a} vs ${b}`);
    for (const [label, i] of [
      ['Champions', 0],
      ['Sleeping', 1],
      ['Others', 2],
    ] as const) {
      close(values.get(label)![3], old[label].value);
      close(values.get('Total')![i], now[label].value);
    }
  });

  it('reports a bad revision, a path outside git, and an option-like revision', async () => {
    const rev = await clvnb(['diff', 'nosuchrev', 'cdnow.clvnb'], ws.dir);
    assert.equal(rev.code, 1);
    assert.match(rev.stderr, /^clvnb: cannot read cdnow\.clvnb at revision nosuchrev: /);
    const outside = workspace();
    try {
      outside.add('cdnow.clvnb');
      const r = await clvnb(['diff', 'HEAD', 'cdnow.clvnb'], outside.dir);
      assert.deepEqual(r, { code: 1, stdout: '', stderr: 'clvnb: cdnow.clvnb is not inside a git repository\n' });
    } finally {
      outside.remove();
    }
    assert.equal(
      (await clvnb(['diff', '--', '--output=x', 'cdnow.clvnb'], ws.dir)).stderr,
      "clvnb: invalid revision '--output=x'\nRun 'clvnb diff --help' for usage.\n",
    );
  });

  it('refuses an empty revision, and a call with nothing to compare (usage errors)', async () => {
    const empty = await clvnb(['diff', '', 'cdnow.clvnb'], ws.dir);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /^clvnb: the revision is empty\n/);
    const nothing = await clvnb(['diff', 'cdnow.clvnb'], ws.dir);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /nothing to compare: give a git revision, --then-data SOURCE=FILE, or both/);
    const unknown = await clvnb(['diff', 'cdnow.clvnb', '--then-data', 'purchases=data/x.csv'], ws.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no file source named 'purchases' in cdnow\.clvnb \(its sources: orders\)/);
  });

  describe("across data snapshots (same rules, last month's data against this month's)", () => {
    let snapshot: CliResult;
    let dropped: number;

    before(async () => {
      // "Then" is the log without every tenth customer: the ones who joined since that snapshot.
      const lines = readFileSync(join(ws.dir, 'data', 'CDNOW_sample.txt'), 'utf8').split('\n');
      const keep = (line: string) => Number(line.trim().split(/\s+/)[0]) % 10 !== 0;
      const ids = new Set(lines.filter((l) => l.trim() && !keep(l)).map((l) => l.trim().split(/\s+/)[0]));
      dropped = ids.size;
      writeFileSync(join(ws.dir, 'data', 'last-month.txt'), lines.filter((l) => !l.trim() || keep(l)).join('\n'));
      snapshot = await clvnb(
        ['diff', 'cdnow.clvnb', '--then-data', 'orders=data/last-month.txt', '--markdown'],
        ws.dir,
      );
    });

    it('says it compares data, not rules', () => {
      assert.equal(snapshot.code, 0, snapshot.stderr);
      assert.ok(snapshot.stdout.includes('Rules: the same on both sides (the working tree).'), snapshot.stdout);
      assert.ok(
        snapshot.stdout.includes(
          'Data: source `orders` reads `data/last-month.txt` (then) and `data/CDNOW_sample.txt` (now).',
        ),
        snapshot.stdout,
      );
      assert.ok(!snapshot.stdout.includes('**Rules changed**'));
    });

    it('accounts for every customer: the new ones come from "(not segmented)", the totals are today\'s segments', () => {
      const counts = markdownMatrix(snapshot.stdout, '**Customers**');
      const { new: now } = sizes;
      assert.ok(dropped > 100);
      assert.equal(counts.get('(not segmented)')!.at(-1), dropped);
      assert.deepEqual(counts.get('Total'), [
        now.Champions.customers,
        now.Sleeping.customers,
        now.Others.customers,
        2357,
      ]);
    });
  });
});
