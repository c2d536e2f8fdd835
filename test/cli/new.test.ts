// `clvnb new`: a notebook from a sample, on the user's own file. The user's file here is the
// CDNOW sample rewritten as a CSV with other column names (one with a space) and day-first
// dates, so the new notebook must reproduce the published BG/NBD fit exactly when run.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it("rewrites the sample transaction source to the user file and columns, with the data layer's date format", async () => {
    // No --date-format: the dates are recognised as day-first as `clvnb columns` shows them.
    const r = await clvnb(
      ['new', '--from', 'sample', '--data', 'mydata/orders.csv', ...columns, '--out', 'analysis/retail.clvnb'],
      ws.dir,
    );
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      'created analysis/retail.clvnb from sample/shop.clvnb; source `orders` reads ../mydata/orders.csv\n' +
        'data: 6,919 purchases by 2,357 customers, 1997-01-01 to 1998-06-30\n' +
        'split: calibration until 1997-10-07, holdout until 1998-06-30 (the last 38 weeks), chosen from the data; move them with --calibration-end, --holdout-end\n' +
        "note: dropped the sample's filter `where sales > 0`; add filters for your data in the source block\n" +
        'next: clvnb run analysis/retail.clvnb --html report.html\n',
    );
    const created = readFileSync(join(ws.dir, 'analysis', 'retail.clvnb'), 'utf8');
    const source = /```clv\nsource[\s\S]*?\n}\n/.exec(created)![0];
    assert.equal(
      source,
      '```clv\nsource orders = csv "../mydata/orders.csv" {\n  customer = "Customer ID"\n  date     = "Order Date" as "DD/MM/YYYY"\n  amount   = Revenue\n}\n',
    );
    // The split is moved into the file's dates: the holdout is the last half (38 whole weeks) up to the last date.
    assert.match(created, /\nsplit cal = orders until 1997-10-07, holdout until 1998-06-30, in weeks\n/);
    // The models are the sample's, byte for byte.
    const rest = (text: string) => text.slice(text.indexOf('```clv\nmodel purchases'));
    const sample = readFileSync(join(ws.dir, 'sample', 'shop.clvnb'), 'utf8');
    assert.equal(rest(created), rest(sample));
  });

  it("replaces the sample's prose with notes about the user's data and a link to the sample", () => {
    const created = readFileSync(join(ws.dir, 'analysis', 'retail.clvnb'), 'utf8');
    assert.equal(
      created.slice(0, created.indexOf('```clv')),
      '---\ntitle: "Customer lifetime value: orders.csv"\ndescription: Started from the sample "Shop sample (test fixture)" on orders.csv.\n---\n\n' +
        '# Customer lifetime value: orders.csv\n\n' +
        '`../mydata/orders.csv` holds 6,919 purchases by 2,357 customers, from 1 January 1997 to 30 June 1998. ' +
        '1,139 of them (48%) bought on more than one day: the repeat buying the models below describe.\n\n' +
        'This notebook started from the sample [Shop sample (test fixture)](../sample/shop.clvnb): the same models, ' +
        "value and segments, run on this file. The sample's notes explain each step and how to read its outputs; " +
        'the prose here is about this file only, so add your own as you go.\n\n' +
        'One row per purchase: the customer is `Customer ID`, the date `Order Date` (read as DD/MM/YYYY) and the amount spent `Revenue`.\n\n' +
        'The data run from 1997-01-01 to 1998-06-30. The models are fitted on purchases until 1997-10-07 and checked ' +
        'against the last 38 weeks, to 1998-06-30 (the last date in the file), which they have not seen. These dates ' +
        'were chosen from the data when the notebook was created: a holdout of half the date range, at most a year, ' +
        'so that calibration is long enough to see repeat purchases and the holdout long enough to judge the ' +
        'predictions. Move them in the cell below to suit your question.\n\n',
    );
    // The sample's own prose (about its data) is gone; the link resolves to the sample.
    assert.doesNotMatch(created, /Repeat buying in a shop|valued over a year/);
    assert.ok(existsSync(join(ws.dir, 'analysis', '../sample/shop.clvnb')));
  });

  it('makes a notebook that checks clean and runs, and reproduces the published BG/NBD fit on the published split', async () => {
    assert.equal((await clvnb(['check', 'analysis/retail.clvnb'], ws.dir)).code, 0);
    const chosen = await clvnb(['run', 'analysis/retail.clvnb'], ws.dir);
    assert.equal(chosen.code, 0, chosen.stdout + chosen.stderr);
    assert.match(
      chosen.stdout,
      /cal: calibration 1997-01-01 to 1997-10-07 \(39\.9 weeks\), holdout to 1998-06-30 \(38\.0 weeks\)\./,
    );
    const given = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/orders.csv',
        ...columns,
        '--calibration-end',
        '1997-09-30',
        '--holdout-end',
        '1998-06-30',
        '--out',
        'analysis/published.clvnb',
      ],
      ws.dir,
    );
    assert.equal(given.code, 0, given.stderr);
    const created = readFileSync(join(ws.dir, 'analysis', 'published.clvnb'), 'utf8');
    assert.match(
      created,
      /The split dates \(calibration until 1997-09-30, holdout until 1998-06-30\) were chosen when the notebook was created\./,
    );
    const r = await clvnb(['run', 'analysis/published.clvnb', '--json', 'out/retail.json'], ws.dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const results = JSON.parse(readFileSync(join(ws.dir, 'out', 'retail.json'), 'utf8'));
    const model = results.cells
      .flatMap((c: any) => c.outputs)
      .map((o: any) => o.data['application/vnd.clv.model+json'])
      .find((m: any) => m?.kind === 'BG/NBD');
    const p = Object.fromEntries(model.parameters.map((x: any) => [x.name, Number(x.estimate.toFixed(3))]));
    assert.deepEqual(p, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  });

  it('asks for the date format when the dates read two ways, and checks a given one', async () => {
    // Every day 12 or less: 04/10/2022 is 4 October or 10 April.
    const days = ['04/10/2022', '09/03/2022', '06/10/2022', '12/01/2023', '01/12/2022'];
    writeFileSync(
      join(ws.dir, 'mydata', 'ambiguous.csv'),
      ['client,order_date,total', ...days.map((d, i) => `C${i % 3},${d},10`)].join('\n') + '\n',
    );
    const base = ['new', '--from', 'sample', '--data', 'mydata/ambiguous.csv', '--customer', 'client'];
    const more = ['--date', 'order_date', '--amount', 'total', '--out', 'amb.clvnb'];
    assert.deepEqual(await clvnb([...base, ...more], ws.dir), {
      code: 1,
      stdout: '',
      stderr:
        "clvnb: mydata/ambiguous.csv: the dates of column 'order_date' read more than one way: no sampled value has a day above 12 " +
        "(first values '04/10/2022', '09/03/2022', '06/10/2022'); pass --date-format DD/MM/YYYY (04/10/2022 is 2022-10-04) " +
        'or --date-format MM/DD/YYYY (04/10/2022 is 2022-04-10)\n',
    });
    const chosen = await clvnb([...base, ...more, '--date-format', 'MM/DD/YYYY'], ws.dir);
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.match(chosen.stdout, /^data: 5 purchases by 3 customers, 2022-01-12 to 2023-12-01$/m);
    assert.match(readFileSync(join(ws.dir, 'amb.clvnb'), 'utf8'), /date {5}= order_date as "MM\/DD\/YYYY"\n/);

    const wrong = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/orders.csv',
        ...columns,
        '--date-format',
        'MM/DD/YYYY',
        '--out',
        'x.clvnb',
      ],
      ws.dir,
    );
    assert.deepEqual(wrong, {
      code: 1,
      stdout: '',
      stderr:
        "clvnb: mydata/orders.csv: --date-format MM/DD/YYYY does not read the value '18/01/1997' of column 'Order Date'\n",
    });
    const notDates = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/orders.csv',
        '--customer',
        'Customer ID',
        '--date',
        'Revenue',
        '--no-amount',
        '--out',
        'x.clvnb',
      ],
      ws.dir,
    );
    assert.equal(
      notDates.stderr,
      "clvnb: mydata/orders.csv: column 'Revenue' does not hold dates in a format the tools recognise (first values '29.33', '29.73', '14.96'); pass --date-format with its pattern, e.g. \"DD.MM.YY\"\n",
    );
  });

  it('refuses data too short to split, and given split dates outside the data', async () => {
    writeFileSync(join(ws.dir, 'mydata', 'week.csv'), 'client,day\nA,2024-03-01\nB,2024-03-02\nA,2024-03-08\n');
    const short = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/week.csv',
        '--customer',
        'client',
        '--date',
        'day',
        '--no-amount',
        '--out',
        'w.clvnb',
      ],
      ws.dir,
    );
    assert.equal(short.code, 1);
    assert.match(
      short.stderr,
      /the file's dates run from 2024-03-01 to 2024-03-08, under 28 days: too short to choose a calibration and a holdout period; pass --calibration-end/,
    );
    const outside = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/orders.csv',
        ...columns,
        '--calibration-end',
        '2020-01-01',
        '--out',
        'y.clvnb',
      ],
      ws.dir,
    );
    assert.equal(
      outside.stderr,
      "clvnb: mydata/orders.csv: --calibration-end 2020-01-01 leaves the holdout period empty: the file's dates run from 1997-01-01 to 1998-06-30\n",
    );
  });

  it('writes a valid notebook when column names hold line breaks', async () => {
    const body = readFileSync(join(ws.dir, 'mydata', 'orders.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .join('\n');
    writeFileSync(join(ws.dir, 'mydata', 'breaks.csv'), '"Customer\nID","Order\r\nDate",Revenue,Channel\n' + body);
    const r = await clvnb(
      [
        'new',
        '--from',
        'sample',
        '--data',
        'mydata/breaks.csv',
        '--customer',
        'Customer\nID',
        '--date',
        'Order Date',
        '--amount',
        'Revenue',
        '--out',
        'breaks.clvnb',
      ],
      ws.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /note: column names with line breaks are written with spaces; the source names the file's columns with `columns`\n/,
    );
    const created = readFileSync(join(ws.dir, 'breaks.clvnb'), 'utf8');
    assert.match(
      created,
      /source orders = csv "mydata\/breaks\.csv" \{\n {2}columns "Customer ID", "Order Date", Revenue, Channel\n {2}customer = "Customer ID"\n/,
    );
    assert.equal((await clvnb(['check', 'breaks.clvnb'], ws.dir)).code, 0);
    const run = await clvnb(['run', 'breaks.clvnb'], ws.dir);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /6,919 transactions by 2,357 customers/);
  });

  it('--no-amount leaves out the sample steps that need amounts, and the notebook checks clean and runs', async () => {
    // A date-only log (customer and ISO date), started from the shipped CDNOW sample.
    const rows = readFileSync(join(ws.dir, 'mydata', 'orders.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const log = rows.map((row) => {
      const [id, date] = row.split(',');
      return `${id},${date.slice(6)}-${date.slice(3, 5)}-${date.slice(0, 2)}`;
    });
    writeFileSync(join(ws.dir, 'mydata', 'dates.csv'), ['client,order_date', ...log].join('\n') + '\n');
    const r = await clvnb(
      [
        'new',
        '--from',
        'cdnow',
        '--data',
        'mydata/dates.csv',
        '--customer',
        'client',
        '--date',
        'order_date',
        '--no-amount',
        '--out',
        'dates.clvnb',
      ],
      ws.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const leftOut =
      'model spend = gamma_gamma(calibration); value clv = lifetime_value(purchases, spend); chart lorenz of clv; ' +
      'chart histogram of clv; chart line of clv by frequency, clv; segments tiers on clv; chart bar of tiers by clv; ' +
      'table at_risk = tiers; export tiers to "out/cdnow-tiers.csv"';
    assert.match(
      r.stdout,
      new RegExp(
        `\nnote: the file has no amounts, so the sample's steps that need them are left out: ${leftOut.replace(/[()]/g, '\\$&')}\n`,
      ),
    );
    const created = readFileSync(join(ws.dir, 'dates.clvnb'), 'utf8');
    assert.match(
      created,
      /```clv\nsource orders = csv "mydata\/dates\.csv" \{\n {2}customer = client\n {2}date {5}= order_date\n\}\n```/,
    );
    // The clv cells: the sample's without the steps that need amounts.
    const code = [...created.matchAll(/```clv\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.deepEqual(code.slice(2), [
      'model purchases = bgnbd(calibration) {\n  intervals 90%\n}\nmodel purchases_pnbd = pareto_nbd(calibration)\n',
      'chart tracking of purchases\nchart tracking of purchases_pnbd\n',
      'model purchases_mbg = mbgnbd(calibration)\ncompare purchases, purchases_pnbd, purchases_mbg\n',
      'chart matrix of purchases by p_alive\n',
    ]);
    // Headings whose steps all went go with them.
    assert.deepEqual(
      created.split('\n').filter((l) => l.startsWith('## ')),
      ['## The transaction log', '## Calibration and holdout', '## Two purchase models', '## Which model to trust'],
    );
    assert.match(
      created,
      /The sample's steps that need spend amounts are left out: `model spend = gamma_gamma\(calibration\)`, /,
    );
    const check = await clvnb(['check', 'dates.clvnb'], ws.dir);
    assert.deepEqual(check, { code: 0, stdout: '', stderr: '0 errors, 0 warnings in 1 notebook\n' });
    const run = await clvnb(['run', 'dates.clvnb'], ws.dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    // Holdout purchases are counted without amounts (the whole pipeline on a date-only log).
    assert.match(run.stdout, /Repeat transactions over 78 weeks: actual 4339; purchases \d/);
    assert.match(run.stderr, /^6 cells ran\n/m);
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
