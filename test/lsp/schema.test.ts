// Schema-aware diagnostics: the data file is read relative to the notebook's folder; a
// missing file, a mapped column the header lacks and a date format that does not match the
// sampled values are reported, and editing the file on disk updates the diagnostics.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { brief, buildOnce, fixtures, notebookUriIn, TestClient } from './harness';

const source = (path: string, dateLine = 'date     = order_date') =>
  `source orders = csv "${path}" {\n  customer = customer_id\n  ${dateLine}\n  amount   = amount\n}`;

describe('LSP schema-aware checks (real server over stdio)', function () {
  let client: TestClient;
  let folder: string;
  before(() => buildOnce());
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'clv-lsp-'));
    mkdirSync(join(folder, 'data'));
    copyFileSync(join(fixtures, 'data', 'orders.csv'), join(folder, 'data', 'orders.csv'));
    client = await TestClient.start();
  });
  afterEach(async () => {
    assert.deepEqual(client.errors, []);
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports a missing data file on the path string', async () => {
    const [uri] = await client.openNotebook(notebookUriIn(folder), [source('data/nope.csv')]);
    await client.published([uri]);
    const [d] = client.diagnostics.get(uri)!;
    assert.deepEqual(brief([d]), [{ code: 'missing-file', severity: 1, range: [0, 20, 0, 35] }]);
    assert.equal(d.message, 'cannot read the data file "data/nope.csv": no such file');
  });

  it('warns when the date format does not match the sampled values', async () => {
    const [uri] = await client.openNotebook(notebookUriIn(folder), [
      source('data/orders.csv', 'date     = order_date as "DD/MM/YYYY"'),
    ]);
    await client.published([uri]);
    const [d] = client.diagnostics.get(uri)!;
    assert.deepEqual(brief([d]), [{ code: 'date-format-mismatch', severity: 2, range: [2, 27, 2, 39] }]);
    assert.equal(
      d.message,
      'the date format DD/MM/YYYY does not match the values of column `order_date` (e.g. "2024-01-05")',
    );
  });

  it('reads the columns of a Parquet file from its footer: an unknown column gets a did-you-mean', async () => {
    const columnData = [
      { name: 'customer_id', data: ['a', 'b'], type: 'STRING' as const },
      { name: 'order_date', data: ['2024-01-05', '2024-02-01'], type: 'STRING' as const },
      { name: 'amount', data: [1.5, 2], type: 'DOUBLE' as const },
    ];
    writeFileSync(join(folder, 'data', 'orders.parquet'), new Uint8Array(parquetWriteBuffer({ columnData })));
    const text =
      'source orders = parquet "data/orders.parquet" {\n  customer = customer_id\n  date     = order_dat\n  amount   = amount\n}';
    const [uri] = await client.openNotebook(notebookUriIn(folder), [text]);
    await client.published([uri]);
    const [d] = client.diagnostics.get(uri)!;
    assert.deepEqual(brief([d]), [{ code: 'unknown-column', severity: 1, range: [2, 13, 2, 22] }]);
    assert.equal(d.message, 'no column `order_dat` in source `orders`; did you mean `order_date`?');
  });

  it('a matching pattern on another file is clean', async () => {
    copyFileSync(join(fixtures, 'data', 'visits.csv'), join(folder, 'data', 'visits.csv'));
    const text =
      'source visits = csv "data/visits.csv" {\n  customer = visitor\n  date = day as "DD/MM/YYYY"\n  amount = spend\n}';
    const [uri] = await client.openNotebook(notebookUriIn(folder), [text]);
    await client.published([uri]);
    assert.deepEqual(client.diagnostics.get(uri), []);
  });

  it('re-reads a data file when the client reports it changed (workspace/didChangeWatchedFiles)', async () => {
    const [uri] = await client.openNotebook(notebookUriIn(folder), [source('data/orders.csv')]);
    await client.published([uri]);
    const wait = client.published([uri]);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(folder, 'data', 'orders.csv')).href, type: 2 }],
    });
    await wait;
    assert.deepEqual(client.diagnostics.get(uri), []);
  });

  it('editing the CSV header updates diagnostics; creating a missing file clears its error', async () => {
    const nb = notebookUriIn(folder);
    const [uri, other] = await client.openNotebook(nb, [
      source('data/orders.csv'),
      source('data/later.csv').replace('orders', 'later'),
    ]);
    await client.published([uri, other]);
    assert.deepEqual(brief(client.diagnostics.get(uri)), []);
    assert.deepEqual(
      brief(client.diagnostics.get(other)).map((d) => d.code),
      ['missing-file'],
    );

    writeFileSync(join(folder, 'data', 'orders.csv'), 'customer,order_date,amount\nC001,2024-01-05,25.50\n');
    const [d] = await client.until(uri, (ds) => ds.length > 0);
    assert.deepEqual(brief([d]), [{ code: 'unknown-column', severity: 1, range: [1, 13, 1, 24] }]);
    assert.match(String(d.message), /no column `customer_id` in source `orders`; did you mean `customer`\?/);

    copyFileSync(join(fixtures, 'data', 'orders.csv'), join(folder, 'data', 'later.csv'));
    assert.deepEqual(await client.until(other, (ds) => ds.length === 0), []);
  });

  it("an export onto a file the notebook reads is refused, and allowed again, as another cell's source changes", async () => {
    copyFileSync(join(fixtures, 'data', 'orders.csv'), join(folder, 'data', 'copy.csv'));
    const nb = notebookUriIn(folder);
    const [sourceCell, exportCell] = await client.openNotebook(nb, [
      source('data/orders.csv'),
      'table everyone = orders\nexport everyone to "data/copy.csv"',
    ]);
    await client.published([sourceCell, exportCell]);
    const refused = <T extends { code?: string | number }>(ds: T[]) => ds.filter((d) => d.code === 'export-refused');
    assert.deepEqual(refused(client.diagnostics.get(exportCell)!), []);

    // The source now reads the file the other cell exports to.
    const path = { start: { line: 0, character: 21 }, end: { line: 0, character: 36 } };
    await client.editCell(nb, sourceCell, [{ range: path, text: 'data/copy.csv' }]);
    const [d] = refused(await client.until(exportCell, (ds) => refused(ds).length > 0));
    assert.deepEqual(brief([d]), [{ code: 'export-refused', severity: 1, range: [1, 19, 1, 34] }]);

    await client.editCell(nb, sourceCell, [
      { range: { start: path.start, end: { line: 0, character: 34 } }, text: 'data/orders.csv' },
    ]);
    assert.deepEqual(refused(await client.until(exportCell, (ds) => refused(ds).length === 0)), []);
  });

  it('a data file read that outlasts the timeout is a warning, and the server answers meanwhile', async () => {
    // Headers are read in a worker thread; a timeout of 1 ms is shorter than any read (the
    // worker's start alone takes longer), so this file is as slow as a file on a hung disk.
    await client.stop();
    client = await TestClient.start({ diagnosticsDelay: 0, readTimeout: 1 });
    const [uri] = await client.openNotebook(notebookUriIn(folder), [source('data/orders.csv')]);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 9 },
    });
    assert.match(JSON.stringify(hover), /\(source\) \*\*orders\*\*/);
    const [d] = await client.until(uri, (ds) => ds.length > 0);
    assert.deepEqual(brief([d]), [{ code: 'slow-data-file', severity: 2, range: [0, 20, 0, 37] }]);
    assert.equal(
      d.message,
      'the editor stopped reading the data file "data/orders.csv": reading its header took longer than 1 ms; its columns are not checked',
    );
  });

  it('warns when a split date lies outside the dates of its source file, in another cell, and follows the file', async () => {
    // The fixture's dates run from 2024-01-05 to 2024-03-02.
    const [sourceCell, splitCell] = await client.openNotebook(notebookUriIn(folder), [
      source('data/orders.csv'),
      'split old = orders until 1997-09-30, holdout until 1998-06-30, in weeks\n' +
        'split late = orders until 2024-02-01, holdout until 2024-06-30\n' +
        'split after = orders until 2024-03-02, holdout until 2024-04-30\n' +
        'split fine = orders until 2024-02-01, holdout until 2024-03-02',
    ]);
    const warnings = await client.until(splitCell, (ds) => ds.length > 0);
    assert.deepEqual(brief(warnings), [
      { code: 'split-outside-data', severity: 2, range: [0, 25, 0, 35] },
      { code: 'split-outside-data', severity: 2, range: [1, 52, 1, 62] },
      { code: 'split-outside-data', severity: 2, range: [2, 27, 2, 37] },
    ]);
    assert.deepEqual(
      warnings.map((d) => d.message),
      [
        'the calibration period is empty: it ends on 1997-09-30, and the dates in "data/orders.csv" run from 2024-01-05 to 2024-03-02',
        'the holdout ends on 2024-06-30, after the last date in "data/orders.csv" (2024-03-02): the holdout check would count purchases the file does not have',
        'the holdout period is empty: calibration ends on 2024-03-02, and the dates in "data/orders.csv" run from 2024-01-05 to 2024-03-02',
      ],
    );
    assert.deepEqual(brief(client.diagnostics.get(sourceCell)), []);
    // New data in the file: the range is read again.
    writeFileSync(
      join(folder, 'data', 'orders.csv'),
      'customer_id,order_date,amount\nC001,1997-01-05,25.50\nC002,2024-09-01,3\n',
    );
    assert.deepEqual(brief(await client.until(splitCell, (ds) => ds.length === 0)), []);
  });
});
