// `clvnb run` on bad input: each failure says where (file:line:col in the notebook) and
// what, and the exit code is 1; downstream cells report what they were waiting for.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, clvnb, workspace, type Workspace } from './harness';

/** A one-cell notebook around `clv` (the cell's first line is line 2 of the file). */
const notebook = (clv: string) => '```clv\n' + clv + '```\n';

/** A transaction source on `file` (columns id, date as YYYYMMDD, sales); five lines. */
const SOURCE = (file: string) =>
  `source orders = csv "${file}" {\n  customer = id\n  date     = date as YYYYMMDD\n  amount   = sales\n}\n`;

describe('clvnb run: bad input', function () {
  this.timeout(300_000);
  let ws: Workspace;
  before(() => {
    buildOnce();
    ws = workspace();
    ws.add('errors.clvnb');
  });
  after(() => ws?.remove());

  it('reports a missing notebook file', async () => {
    assert.deepEqual(await clvnb(['run', 'nope.clvnb'], ws.dir), {
      code: 1,
      stdout: '',
      stderr: 'clvnb: nope.clvnb: cannot read: no such file\n',
    });
  });

  it('reports check errors at their file positions and skips dependent cells', async () => {
    const r = await clvnb(['run', 'errors.clvnb', '--json', 'errors.json'], ws.dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^cell 1 \(line 4\): ok, \d+ ms$/);
    assert.ok(lines.includes('  errors.clvnb:17:21: error: unknown name `cla`; did you mean `cal`?'), r.stdout);
    assert.ok(lines.includes('  errors.clvnb:22:27: error: recency is a duration; write `4 weeks`'), r.stdout);
    assert.match(r.stderr, /^2 of 3 cells failed or did not run\n$/);
  });

  it('reports a missing data file at the source statement', async () => {
    writeFileSync(
      join(ws.dir, 'missing-data.clvnb'),
      notebook(SOURCE('data/none.csv') + 'split cal = orders until 1997-09-30, in weeks\nmodel m = bgnbd(cal)\n'),
    );
    const r = await clvnb(['run', 'missing-data.clvnb'], ws.dir);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^ {2}missing-data\.clvnb:2:21: error: cannot read the data file "data\/none\.csv": no such file$/m,
    );
  });

  it('counts rows with malformed dates as rejected, with their data file lines', async () => {
    writeFileSync(
      join(ws.dir, 'data', 'bad-dates.csv'),
      'id,date,sales\n1,19970101,10\n1,1997-13-45,12\n2,19970102,5\n',
    );
    writeFileSync(join(ws.dir, 'bad-dates.clvnb'), notebook(SOURCE('data/bad-dates.csv')));
    const r = await clvnb(['run', 'bad-dates.clvnb'], ws.dir);
    // A rejected row is reported, not fatal: the rest of the file is still analysed.
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      /^ {2}orders: 3 rows read from bad-dates\.csv, 1 rejected\.\n {4}1 × malformed date in date \(expected YYYYMMDD\) \(line 3\)$/m,
    );
  });

  it('reports a model that cannot be fitted', async () => {
    // Every customer bought exactly once: no repeat purchases, nothing to fit BG/NBD on.
    writeFileSync(
      join(ws.dir, 'data', 'one-off.csv'),
      'id,date,sales\n' +
        Array.from({ length: 50 }, (_, i) => `${i},199701${String((i % 28) + 1).padStart(2, '0')},10`).join('\n') +
        '\n',
    );
    writeFileSync(
      join(ws.dir, 'one-off.clvnb'),
      notebook(SOURCE('data/one-off.csv') + 'split cal = orders until 1997-09-30, in weeks\nmodel m = bgnbd(cal)\n'),
    );
    const r = await clvnb(['run', 'one-off.clvnb'], ws.dir);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^ {2}one-off\.clvnb:8:\d+: error: .+$/m);
  });
});
