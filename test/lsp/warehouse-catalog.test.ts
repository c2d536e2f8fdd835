// A warehouse table's columns in the editor, from the engine's catalog: real LSP traffic to the
// real server process, against a real DuckDB database file and the real PostgreSQL and
// two-shard ClickHouse servers of the engine tests. The catalog is read asynchronously with a
// timeout: a refused or silent server is a warning on the source, and the server keeps
// answering meanwhile. No connection is opened unless the client allows it (a trusted workspace).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CompletionRequest, HoverRequest, type CompletionItem } from 'vscode-languageserver-protocol/node';
import { clickhouseWithData, postgresWithData } from '../engines/servers';
import { freePort } from '../support/free-port';
import { brief, buildOnce, notebookUriIn, TestClient } from './harness';

// A first DuckDB or driver load on a busy machine takes seconds: the timeout tests set their own.
const TRUSTED = { diagnosticsDelay: 0, connections: true, readTimeout: 45_000 };

/** A source through `connection`, with a misspelt date column (line 3 of the cell). */
const notebook = (connection: string, table: string, dateColumn = 'order_dat') =>
  `${connection}\nsource orders = table "${table}" from dw {\n  customer = customer_id\n  date     = ${dateColumn}\n}`;

/** The columns completion offers after `date = ` in the notebook's source block. */
async function columnCompletions(client: TestClient, uri: string): Promise<CompletionItem[]> {
  const items = await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 3, character: 13 },
  });
  return (Array.isArray(items) ? items : (items?.items ?? [])).filter((i) => i.detail?.startsWith('column'));
}

/** A TCP server that accepts connections and never says a word: a warehouse that hangs. */
function silentServer(): Promise<{ server: Server; port: number; accepted: () => number }> {
  let accepted = 0;
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    accepted++;
    sockets.push(socket);
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0, accepted: () => accepted });
    }),
  );
}

describe('LSP warehouse columns from the engine catalog (real server, real engines)', function () {
  this.timeout(180_000);
  let client: TestClient | undefined;
  let folder: string;
  before(() => buildOnce());
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'clv-lsp-wh-'))));
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it('DuckDB: an unknown column gets a did-you-mean and completion offers the table columns; the file is not held', async () => {
    const file = join(folder, 'shop.duckdb');
    const db = await DuckDBInstance.create(file);
    const setup = await db.connect();
    await setup.run(
      'CREATE SCHEMA sales; CREATE TABLE sales.orders (customer_id VARCHAR, order_date DATE, amount DECIMAL(12,2))',
    );
    setup.closeSync();
    db.closeSync();

    client = await TestClient.start(TRUSTED);
    const [uri] = await client.openNotebook(notebookUriIn(folder), [
      notebook('connection dw = duckdb "shop.duckdb"', 'sales.orders'),
    ]);
    const diagnostics = await client.until(uri, (d) => d.length > 0, 90_000);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['no column `order_dat` in source `orders`; did you mean `order_date`?'],
    );
    assert.deepEqual(brief(diagnostics), [{ code: 'unknown-column', severity: 1, range: [3, 13, 3, 22] }]);
    const items = await columnCompletions(client, uri);
    assert.deepEqual(
      items.map((i) => `${i.label}: ${i.detail}`),
      ['customer_id: column, VARCHAR', 'order_date: column, DATE', 'amount: column, DECIMAL(12,2)'],
    );
    // Hover on a mapped column names the engine's own type.
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 16 },
    });
    assert.equal((hover?.contents as { value: string }).value, '(column) **customer_id**: VARCHAR');
    // The editor closed its read-only session: the kernel may open the file for writing.
    const writer = await DuckDBInstance.create(file);
    writer.closeSync();
  });

  it('PostgreSQL (URL with a password in an environment variable): columns, and the password is nowhere', async function () {
    const pg = await postgresWithData(this);
    client = await TestClient.start(TRUSTED, { ...process.env, CLV_TEST_DW: pg.url });
    const [uri] = await client.openNotebook(notebookUriIn(folder), [
      notebook('connection dw = postgres env "CLV_TEST_DW"', 'transactions', 'dat'),
    ]);
    const diagnostics = await client.until(uri, (d) => d.length > 0, 90_000);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['no column `dat` in source `orders`; did you mean `date`?'],
    );
    const items = await columnCompletions(client, uri);
    assert.deepEqual(
      items.map((i) => `${i.label}: ${i.detail}`),
      ['customer_id: column, text', 'date: column, date', 'amount: column, numeric'],
    );
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 16 },
    });
    assert.equal((hover?.contents as { value: string }).value, '(column) **customer_id**: text');
    // A failing read (a table that does not exist) names the table, never the URL.
    const [missing] = await client.openNotebook(notebookUriIn(folder, 'other.clvnb'), [
      notebook('connection dw = postgres env "CLV_TEST_DW"', 'no_such_table', 'date'),
    ]);
    const [warning] = await client.until(missing, (d) => d.length > 0, 90_000);
    assert.equal(warning.code, 'catalog-unavailable');
    assert.match(
      warning.message as string,
      /^cannot read the columns of table "no_such_table" through connection `dw`: /,
    );
    const everything = JSON.stringify([...client.diagnostics.values(), client.logs]);
    assert.ok(pg.password.length >= 8 && !everything.includes(pg.password), 'the password leaked');
    assert.ok(!everything.includes(pg.url));
  });

  it('ClickHouse cluster (URL in the git-ignored .clv/connections.json): columns of the Distributed table', async function () {
    const ch = await clickhouseWithData(this);
    const url = `http://${ch.user}:${encodeURIComponent(ch.password)}@127.0.0.1:${ch.nodes[0].httpPort}`;
    mkdirSync(join(folder, '.clv'));
    writeFileSync(join(folder, '.clv', 'connections.json'), JSON.stringify({ analytics: url }));
    client = await TestClient.start(TRUSTED);
    const [uri] = await client.openNotebook(notebookUriIn(folder), [
      notebook('connection dw = clickhouse secret "analytics"', 'transactions', 'date'),
    ]);
    await client.published([uri], 90_000);
    assert.deepEqual(client.diagnostics.get(uri), []);
    const items = await columnCompletions(client, uri);
    assert.deepEqual(
      items.map((i) => `${i.label}: ${i.detail}`),
      ['customer_id: column, String', 'date: column, Date', 'amount: column, Float64'],
    );
    assert.ok(!JSON.stringify(client.logs).includes(ch.password));
  });

  it('a refused connection (closed loopback port) is a warning on the table name', async () => {
    const port = await freePort();
    client = await TestClient.start(TRUSTED, {
      ...process.env,
      CLV_TEST_DW: `postgres://analyst:s3cret-pw@127.0.0.1:${port}/shop`,
    });
    const [uri] = await client.openNotebook(notebookUriIn(folder), [
      notebook('connection dw = postgres env "CLV_TEST_DW"', 'sales.orders'),
    ]);
    const diagnostics = await client.until(uri, (d) => d.length > 0, 10_000);
    assert.deepEqual(brief(diagnostics), [{ code: 'catalog-unavailable', severity: 2, range: [1, 22, 1, 36] }]);
    assert.equal(
      diagnostics[0].message,
      `cannot read the columns of table "sales.orders" through connection \`dw\`: Cannot connect to PostgreSQL at 127.0.0.1:${port}/shop: the connection was refused (is the server running, on that port?); its columns are not checked`,
    );
    assert.ok(!JSON.stringify(client.logs).includes('s3cret-pw'));
  });

  it('a server that never answers: the warning comes at the timeout, and other requests are answered meanwhile', async () => {
    const silent = await silentServer();
    try {
      client = await TestClient.start(
        { ...TRUSTED, readTimeout: 1500 },
        { ...process.env, CLV_TEST_DW: `postgres://analyst@127.0.0.1:${silent.port}/shop` },
      );
      const opened = Date.now();
      const [uri] = await client.openNotebook(notebookUriIn(folder), [
        notebook('connection dw = postgres env "CLV_TEST_DW"', 'sales.orders'),
      ]);
      // While the catalog read hangs, hovers are answered (each well before the timeout).
      const answered: number[] = [];
      while (!client.diagnostics.has(uri) && Date.now() - opened < 10_000) {
        const asked = Date.now();
        const hover = await client.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line: 1, character: 9 },
        });
        assert.match(JSON.stringify(hover), /source/, 'a hover on `orders`');
        answered.push(Date.now() - asked);
        await new Promise((r) => setTimeout(r, 100));
      }
      const [warning] = await client.until(uri, (d) => d.length > 0, 10_000);
      const elapsed = Date.now() - opened;
      assert.equal(warning.code, 'catalog-unavailable');
      assert.match(
        warning.message as string,
        /: the server did not answer within 1500 ms; its columns are not checked$/,
      );
      assert.ok(elapsed >= 1400 && elapsed < 6000, `the warning came after ${elapsed} ms`);
      assert.ok(silent.accepted() >= 1, 'the server was asked');
      assert.ok(answered.length >= 5, `only ${answered.length} hovers were answered during the read`);
      assert.ok(Math.max(...answered) < 1000, `a hover waited ${Math.max(...answered)} ms`);
    } finally {
      silent.server.close();
    }
  });

  it('an untrusted workspace opens no connection at all', async () => {
    const silent = await silentServer();
    try {
      client = await TestClient.start(
        { diagnosticsDelay: 0, connections: false, readTimeout: 500 },
        { ...process.env, CLV_TEST_DW: `postgres://analyst@127.0.0.1:${silent.port}/shop` },
      );
      const [uri] = await client.openNotebook(notebookUriIn(folder), [
        notebook('connection dw = postgres env "CLV_TEST_DW"', 'sales.orders'),
      ]);
      await client.published([uri]);
      await new Promise((r) => setTimeout(r, 1000));
      // Columns unknown, so nothing to say about `order_dat`; and nobody knocked.
      assert.deepEqual(client.diagnostics.get(uri), []);
      assert.equal(silent.accepted(), 0);
    } finally {
      silent.server.close();
    }
  });
});
