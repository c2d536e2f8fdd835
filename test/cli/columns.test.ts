// `clvnb columns`: a data file's columns, types and first values, as the editor reads them.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, clvnb, repoRoot, workspace, type Workspace } from './harness';

describe('clvnb columns', function () {
  this.timeout(120_000);
  let ws: Workspace;
  before(() => {
    buildOnce();
    ws = workspace();
    writeFileSync(join(ws.dir, 'orders.csv'), 'Customer ID;Order Date;Revenue\nc1;05/01/2024;10.5\nc2;17/02/2024;3\n');
  });
  after(() => ws?.remove());

  it('prints name, type and first values of each column', async () => {
    const r = await clvnb(['columns', join(repoRoot, 'samples', 'loyalty', 'data', 'apparelTrans.csv')], ws.dir);
    assert.deepEqual(r, {
      code: 0,
      stderr: '',
      stdout:
        'column  type        first values\nId      integer     1, 1, 1\nDate    date (ISO)  2005-01-02, 2005-09-06, 2006-01-18\nPrice   number      230.3, 84.39, 131.07\n',
    });
  });

  it('names the columns of a file without a header and recognises YYYYMMDD dates', async () => {
    const r = await clvnb(['columns', '--no-header', 'data/CDNOW_sample.txt'], ws.dir);
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.stdout
        .split('\n')
        .slice(1, 6)
        .map((l) => l.split(/ {2,}/).slice(0, 2)),
      [
        ['column1', 'integer'],
        ['column2', 'integer'],
        ['column3', 'date (YYYYMMDD)'],
        ['column4', 'integer'],
        ['column5', 'number'],
      ],
    );
  });

  it('prints JSON with the date format, honouring --delimiter', async () => {
    const r = await clvnb(['columns', 'orders.csv', '--delimiter', ';', '--json'], ws.dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), [
      { name: 'Customer ID', type: 'string', samples: ['c1', 'c2'] },
      { name: 'Order Date', type: 'date', dateFormat: 'DD/MM/YYYY', samples: ['05/01/2024', '17/02/2024'] },
      { name: 'Revenue', type: 'number', samples: ['10.5', '3'] },
    ]);
  });

  it('shows both readings of dates that read two ways, with what each makes of the first values', async () => {
    writeFileSync(join(ws.dir, 'ambiguous.csv'), 'client,day\nA,05/06/2022\nB,01/02/2020\n');
    const text = await clvnb(['columns', 'ambiguous.csv'], ws.dir);
    assert.equal(
      text.stdout,
      'column  type                             first values\n' +
        'client  string                           A, B\n' +
        'day     date (DD/MM/YYYY or MM/DD/YYYY)  05/06/2022, 01/02/2020\n',
    );
    const json = await clvnb(['columns', 'ambiguous.csv', '--json'], ws.dir);
    assert.deepEqual(JSON.parse(json.stdout)[1], {
      name: 'day',
      type: 'date',
      dateFormat: 'DD/MM/YYYY',
      dateReadings: [
        { format: 'DD/MM/YYYY', firstDates: ['2022-06-05', '2020-02-01'] },
        { format: 'MM/DD/YYYY', firstDates: ['2022-05-06', '2020-01-02'] },
      ],
      samples: ['05/06/2022', '01/02/2020'],
    });
  });

  it('writes names as a source writes them, keeps each column on one line and names the line breaks', async () => {
    writeFileSync(
      join(ws.dir, 'breaks.csv'),
      '"Customer\nID","Order\r\nDate",Revenue,"x""y",true\nA,2022-01-05,"1\n2",p,q\nB,2022-02-17,3,r,s\n',
    );
    const r = await clvnb(['columns', 'breaks.csv'], ws.dir);
    assert.deepEqual(r, {
      code: 0,
      stderr: '',
      stdout:
        'column         type        first values\n' +
        '"Customer ID"  string      A, B\n' +
        '"Order Date"   date (ISO)  2022-01-05, 2022-02-17\n' +
        'Revenue        string      1\\x0A2, 3\n' +
        '"x\\"y"         string      p, r\n' +
        '"true"         string      q, s\n' +
        'note: "Customer ID" holds a line break in the file (Customer\\x0AID), which a string cannot: a source names the file\'s columns with `columns`, the break as a space (clvnb new does this)\n' +
        'note: "Order Date" holds a line break in the file (Order\\x0D\\x0ADate), which a string cannot: a source names the file\'s columns with `columns`, the break as a space (clvnb new does this)\n',
    });
    // JSON keeps the file's exact names.
    const json = await clvnb(['columns', 'breaks.csv', '--json'], ws.dir);
    assert.deepEqual(
      JSON.parse(json.stdout).map((c: { name: string }) => c.name),
      ['Customer\nID', 'Order\r\nDate', 'Revenue', 'x"y', 'true'],
    );
  });

  it('says why a file cannot be read, and which extensions it knows', async () => {
    assert.deepEqual(await clvnb(['columns', 'none.csv'], ws.dir), {
      code: 1,
      stdout: '',
      stderr: 'clvnb: none.csv: cannot read: no such file\n',
    });
    const unknown = await clvnb(['columns', 'orders.xlsx'], ws.dir);
    assert.equal(unknown.code, 1);
    assert.match(
      unknown.stderr,
      /^clvnb: orders\.xlsx: cannot tell the file format from the extension; use one of \.csv .* \(or pass --format\)\n$/,
    );
    const format = await clvnb(['columns', 'orders.csv', '--format', 'xlsx'], ws.dir);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /^clvnb: --format must be one of csv, tsv, text, json, parquet, arrow, not 'xlsx'\n/);
  });
});
