// `clvnb new`: a notebook from a sample, on the user's own file. The user's file here is the
// CDNOW sample rewritten as a CSV with other column names (one with a space) and day-first
// dates, so the new notebook must reproduce the published BG/NBD fit exactly when run.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, cdnowData, clvnb, workspace, type Workspace } from './harness';

/** CDNOW rows → `Customer ID,Order Date,Revenue,Channel` with DD/MM/YYYY dates. */
function cdnowAsCsv(): string {
  const rows = readFileSync(cdnowData, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id, date, , sales] = line.trim().split(/\s+/);
      return `${id},${date.slice(6, 8)}/${date.slice(4, 6)}/${date.slice(0, 4)},${sales},web`;
    });
  return ['Customer ID,Order Date,Revenue,Channel', ...rows].join('\n') + '\n';
}

describe('clvnb new', function () {
  this.timeout(180_000);
  let ws: Workspace;
  const columns = ['--customer', 'Customer ID', '--date', 'Order Date', '--amount', 'Revenue'];
  before(() => {
    buildOnce();
    ws = workspace();
    ws.add('sample/shop.clvnb');
    mkdirSync(join(ws.dir, 'mydata'));
    writeFileSync(join(ws.dir, 'mydata', 'orders.csv'), cdnowAsCsv());
  });
  after(() => ws?.remove());

  it('rewrites the sample transaction source to the user file and columns', async () => {
    const r = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/orders.csv',
        ...columns,
        '--date-format',
        'DD/MM/YYYY',
        '--out',
        'analysis/retail.clvnb',
      ],
      ws.dir,
    );
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      /^created analysis\/retail\.clvnb from sample\/shop\.clvnb; source `orders` reads \.\.\/mydata\/orders\.csv\n/,
    );
    assert.match(r.stdout, /note: dropped the sample's filter `where sales > 0`/);
    const created = readFileSync(join(ws.dir, 'analysis', 'retail.clvnb'), 'utf8');
    const sample = readFileSync(join(ws.dir, 'sample', 'shop.clvnb'), 'utf8');
    const source = /```clv\nsource[\s\S]*?\n}\n/.exec(created)![0];
    assert.equal(
      source,
      '```clv\nsource orders = csv "../mydata/orders.csv" {\n  customer = "Customer ID"\n  date     = "Order Date" as "DD/MM/YYYY"\n  amount   = Revenue\n}\n',
    );
    // Everything after the source statement (split, prose, models) is the sample's, byte for byte.
    const rest = (text: string) => text.slice(text.indexOf('split cal'));
    assert.equal(rest(created), rest(sample));
  });

  it('makes a notebook that checks clean and reproduces the published BG/NBD fit', async () => {
    assert.equal((await clvnb(['check', 'analysis/retail.clvnb'], ws.dir)).code, 0);
    const r = await clvnb(['run', 'analysis/retail.clvnb', '--json', 'out/retail.json'], ws.dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const results = JSON.parse(readFileSync(join(ws.dir, 'out', 'retail.json'), 'utf8'));
    const model = results.cells
      .flatMap((c: any) => c.outputs)
      .map((o: any) => o.data['application/vnd.clv.model+json'])
      .find((m: any) => m?.kind === 'BG/NBD');
    const p = Object.fromEntries(model.parameters.map((x: any) => [x.name, Number(x.estimate.toFixed(3))]));
    assert.deepEqual(p, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  });

  it('recognises ISO and YYYYMMDD dates, and asks for a format otherwise', async () => {
    const r = await clvnb(
      ['new', '--from', 'sample', '--data', 'mydata/orders.csv', ...columns, '--out', 'x.clvnb'],
      ws.dir,
    );
    assert.deepEqual(r, {
      code: 1,
      stdout: '',
      stderr:
        "clvnb: mydata/orders.csv: cannot tell the date format of column 'Order Date' (first value '01/01/1997'); pass --date-format, e.g. \"DD/MM/YYYY\"\n",
    });
  });

  it('names the missing column and lists the file columns', async () => {
    const wrong = await clvnb(
      ['new', '--from', 'sample', '--data', 'mydata/orders.csv', '--customer', 'cust', '--out', 'x.clvnb'],
      ws.dir,
    );
    assert.deepEqual(wrong, {
      code: 1,
      stdout: '',
      stderr:
        "clvnb: mydata/orders.csv: no column 'cust' for --customer cust; the file's columns are: Customer ID, Order Date, Revenue, Channel\n",
    });
    const defaulted = await clvnb(
      ['new', '--from', 'sample', '--data', 'mydata/orders.csv', '--out', 'x.clvnb'],
      ws.dir,
    );
    assert.equal(
      defaulted.stderr,
      "clvnb: mydata/orders.csv: no column 'customer_id' for the sample's customer column 'customer_id' (pass --customer COL); the file's columns are: Customer ID, Order Date, Revenue, Channel\n",
    );
  });

  it('reports an unknown sample with the installed ones, and a missing data file', async () => {
    const sample = await clvnb(['new', '--from', 'nosuch', '--data', 'mydata/orders.csv', '--out', 'x.clvnb'], ws.dir);
    assert.equal(sample.code, 1);
    assert.match(
      sample.stderr,
      /^clvnb: unknown sample 'nosuch'; samples: .*cdnow.* \(or give a path to a \.clvnb file\)\n$/,
    );
    const data = await clvnb(['new', '--from', 'sample', '--data', 'mydata/none.csv', '--out', 'x.clvnb'], ws.dir);
    assert.deepEqual(data, { code: 1, stdout: '', stderr: 'clvnb: mydata/none.csv: cannot read: no such file\n' });
  });

  it('refuses to overwrite, and requires --from, --data and --out', async () => {
    const again = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/orders.csv',
        ...columns,
        '--date-format',
        'DD/MM/YYYY',
        '--out',
        'analysis/retail.clvnb',
      ],
      ws.dir,
    );
    assert.deepEqual(again, {
      code: 1,
      stdout: '',
      stderr: 'clvnb: analysis/retail.clvnb: already exists (pass --force to overwrite)\n',
    });
    const usage = await clvnb(['new', '--from', 'sample', '--out', 'y.clvnb'], ws.dir);
    assert.deepEqual(usage, {
      code: 2,
      stdout: '',
      stderr: "clvnb: missing --data\nRun 'clvnb new --help' for usage.\n",
    });
  });
});
