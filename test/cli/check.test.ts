// `clvnb check`: exact `file:line:col: severity: message` lines with positions in the
// notebook file (cell offset + position in the cell), and exit codes for CI.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, clvnb, workspace, type Workspace } from './harness';

describe('clvnb check', function () {
  this.timeout(120_000);
  let ws: Workspace;
  before(() => {
    buildOnce();
    ws = workspace();
    ws.add('errors.clvnb');
    ws.add('cdnow.clvnb');
  });
  after(() => ws?.remove());

  it('reports each error at its line and column in the notebook file, exit 1', async () => {
    const r = await clvnb(['check', 'errors.clvnb'], ws.dir);
    assert.equal(
      r.stdout,
      'errors.clvnb:17:21: error: unknown name `cla`; did you mean `cal`?\nerrors.clvnb:22:27: error: recency is a duration; write `4 weeks`\n',
    );
    assert.equal(r.stderr, '2 errors, 0 warnings in 1 notebook\n');
    assert.equal(r.code, 1);
  });

  it('prints warnings but passes with exit 0 when there is no error', async () => {
    ws.add('warnings.clvnb');
    assert.deepEqual(await clvnb(['check', 'warnings.clvnb'], ws.dir), {
      code: 0,
      stdout:
        'warnings.clvnb:12:3: warning: this rule can never match: every customer it would take is already taken by the rule "Likely" above (`p_alive > 0.5`)\n',
      stderr: '0 errors, 1 warning in 1 notebook\n',
    });
  });

  it('passes a clean notebook with exit 0', async () => {
    assert.deepEqual(await clvnb(['check', 'cdnow.clvnb'], ws.dir), {
      code: 0,
      stdout: '',
      stderr: '0 errors, 0 warnings in 1 notebook\n',
    });
  });

  it('checks several notebooks and reports an unreadable one without stopping', async () => {
    const r = await clvnb(['check', 'missing.clvnb', 'cdnow.clvnb', 'errors.clvnb'], ws.dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.split('\n')[0], 'missing.clvnb: error: cannot read: no such file');
    assert.equal(r.stdout.split('\n').length, 4);
    assert.equal(r.stderr, '3 errors, 0 warnings in 3 notebooks\n');
  });

  it('checks column names against a `columns` option', async () => {
    const notebook = ws.add('cdnow.clvnb', 'columns.clvnb');
    writeFileSync(notebook, readFileSync(notebook, 'utf8').replace('amount   = sales', 'amount   = sale'));
    const r = await clvnb(['check', 'columns.clvnb'], ws.dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'columns.clvnb:14:14: error: no column `sale` in source `orders`; did you mean `sales`?\n');
  });

  it("checks column names against the data file's header", async () => {
    writeFileSync(join(ws.dir, 'data', 'orders.csv'), '"Customer ID",date,sales\nA,19970101,12.5\n');
    const notebook = ws.add('hostile.clvnb', 'header.clvnb');
    writeFileSync(notebook, readFileSync(notebook, 'utf8').replace('data/hostile.csv', 'data/orders.csv'));
    const r = await clvnb(['check', 'header.clvnb'], ws.dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'header.clvnb:8:14: error: no column `customer` in source `orders`\n');
  });

  it('reports a data file that cannot be read, and dates that do not match their format, as the editor does', async () => {
    const notebook = ws.add('hostile.clvnb', 'files.clvnb');
    writeFileSync(notebook, readFileSync(notebook, 'utf8').replace('data/hostile.csv', 'data/absent.csv'));
    assert.deepEqual(await clvnb(['check', 'files.clvnb'], ws.dir), {
      code: 1,
      stdout: 'files.clvnb:7:21: error: cannot read the data file "data/absent.csv": no such file\n',
      stderr: '1 error, 0 warnings in 1 notebook\n',
    });
    writeFileSync(join(ws.dir, 'data', 'iso.csv'), 'customer,date,sales\nA,1997-01-01,12.5\n');
    writeFileSync(notebook, readFileSync(notebook, 'utf8').replace('data/absent.csv', 'data/iso.csv'));
    const r = await clvnb(['check', 'files.clvnb'], ws.dir);
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      'files.clvnb:9:22: warning: the date format YYYYMMDD does not match the values of column `date` (e.g. "1997-01-01")\n',
    );
  });
});
