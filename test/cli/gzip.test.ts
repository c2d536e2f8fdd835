// `clvnb columns`, `check` and `run` on a gzip data file (orders.csv.gz): the same columns,
// no "no column" error, a run that reads every row.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOnce, clvnb, repoRoot, workspace, type Workspace } from './harness';

const NOTEBOOK = `# Orders

\`\`\`clv
source orders = csv "orders.csv.gz" {
  customer = Id
  date     = Date
  amount   = Price
}

split cal = orders until 2006-12-31, holdout until 2010-12-31, in weeks
\`\`\`
`;

describe('clvnb on a gzip data file', function () {
  this.timeout(120_000);
  let ws: Workspace;
  before(() => {
    buildOnce();
    ws = workspace();
    const csv = readFileSync(join(repoRoot, 'samples', 'loyalty', 'data', 'apparelTrans.csv'));
    writeFileSync(join(ws.dir, 'orders.csv'), csv);
    writeFileSync(join(ws.dir, 'orders.csv.gz'), gzipSync(csv));
    writeFileSync(join(ws.dir, 'nb.clvnb'), NOTEBOOK);
  });
  after(() => ws?.remove());

  it('columns prints what it prints for the plain file', async () => {
    const [plain, gz] = [
      await clvnb(['columns', 'orders.csv'], ws.dir),
      await clvnb(['columns', 'orders.csv.gz'], ws.dir),
    ];
    assert.equal(plain.code, 0);
    assert.deepEqual(gz, plain);
    assert.match(gz.stdout, /^column {2}type {8}first values\nId {6}integer/);
  });

  it('check finds the columns and run reads every row', async () => {
    const check = await clvnb(['check', 'nb.clvnb'], ws.dir);
    assert.deepEqual([check.code, check.stdout], [0, '']);
    const run = await clvnb(['run', 'nb.clvnb'], ws.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /rows read from orders\.csv\.gz, 0 rejected/);
  });
});
