// Nothing a notebook or a command line names is written onto what the notebook reads: `check`
// flags such exports (and exports leaving the folder) on their path, `run` refuses them and
// leaves the data intact, and --html/--json refuse the notebook, its data and each other
// before anything runs. `fmt` writes through a symlinked notebook and keeps its permissions.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, clvnb, workspace, type Workspace } from './harness';

const notebook = (exports: string) => `# Exports

\`\`\`clv
source orders = text "data/CDNOW_sample.txt" {
  header false
  columns master_id, customer_id, date, cds, sales
  customer = customer_id
  date     = date as YYYYMMDD
  amount   = sales
}
split cal = orders until 1997-09-30, in weeks
model purchases = bgnbd(cal)
${exports}
\`\`\`
`;

describe('clvnb: where a notebook may write', function () {
  this.timeout(300_000);
  let ws: Workspace;
  let data: string;

  before(() => {
    buildOnce();
    ws = workspace();
    data = readFileSync(join(ws.dir, 'data', 'CDNOW_sample.txt'), 'utf8');
  });
  after(() => ws?.remove());

  it('check flags an export onto the source file, out of the folder, or absolute, on its path', async () => {
    writeFileSync(
      join(ws.dir, 'bad.clvnb'),
      notebook(
        [
          'export purchases to "data/CDNOW_sample.txt.csv"',
          'export purchases to "./data/../data/CDNOW_sample.csv"',
          'export purchases to "../outside.csv"',
          'export purchases to "/tmp/absolute.csv"',
          'export purchases to "./..x/ok.csv"',
        ].join('\n'),
      ),
    );
    symlinkSync(join(ws.dir, 'data', 'CDNOW_sample.txt'), join(ws.dir, 'data', 'CDNOW_sample.csv'));
    const r = await clvnb(['check', 'bad.clvnb'], ws.dir);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        'bad.clvnb:14:21: error: Refusing to write "./data/../data/CDNOW_sample.csv": it is the data file of source `orders`, which the notebook reads; write elsewhere.',
        'bad.clvnb:15:21: error: The export path "../outside.csv" leaves the notebook\'s folder; use a path inside it.',
        'bad.clvnb:16:21: error: The export path "/tmp/absolute.csv" is absolute; an export writes inside the notebook\'s folder, so give a path relative to it.',
        '',
      ].join('\n'),
    );
  });

  it('run refuses an export onto its own input and leaves the data intact', async () => {
    writeFileSync(join(ws.dir, 'self.clvnb'), notebook('export purchases to "data/CDNOW_sample.csv"'));
    const r = await clvnb(['run', 'self.clvnb'], ws.dir);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /self\.clvnb:13:21: error: Refusing to write "data\/CDNOW_sample\.csv": it is the data file of source `orders`/,
    );
    assert.equal(readFileSync(join(ws.dir, 'data', 'CDNOW_sample.txt'), 'utf8'), data);
  });

  it('run refuses --html or --json onto the notebook, its data or each other, before running', async () => {
    writeFileSync(join(ws.dir, 'nb.clvnb'), notebook(''));
    const text = readFileSync(join(ws.dir, 'nb.clvnb'), 'utf8');
    const cases: [string[], RegExp][] = [
      [['--html', 'nb.clvnb'], /--html: Refusing to write "nb\.clvnb": it is the notebook itself/],
      [
        ['--json', './data/CDNOW_sample.txt'],
        /--json: Refusing to write "\.\/data\/CDNOW_sample\.txt": it is the data file of source `orders`/,
      ],
      [
        ['--html', 'r.out', '--json', './r.out'],
        /--json and --html name the same file|--html and --json name the same file/,
      ],
    ];
    for (const [flags, message] of cases) {
      const r = await clvnb(['run', 'nb.clvnb', ...flags], ws.dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '', 'nothing ran');
    }
    assert.equal(readFileSync(join(ws.dir, 'nb.clvnb'), 'utf8'), text);
    assert.equal(readFileSync(join(ws.dir, 'data', 'CDNOW_sample.txt'), 'utf8'), data);
    assert.ok(!existsSync(join(ws.dir, 'r.out')));
  });

  it('fmt writes through a symlinked notebook and keeps its permissions', async () => {
    writeFileSync(join(ws.dir, 'real.clvnb'), '```clv\nsplit   cal = orders until 1997-09-30\n```\n');
    chmodSync(join(ws.dir, 'real.clvnb'), 0o600);
    symlinkSync(join(ws.dir, 'real.clvnb'), join(ws.dir, 'link.clvnb'));
    const r = await clvnb(['fmt', 'link.clvnb'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(join(ws.dir, 'link.clvnb')).isSymbolicLink());
    assert.equal(
      readFileSync(join(ws.dir, 'real.clvnb'), 'utf8'),
      '```clv\nsplit cal = orders until 1997-09-30\n```\n',
    );
    assert.equal(statSync(join(ws.dir, 'real.clvnb')).mode & 0o777, 0o600);
  });
});
