// Notebook synchronisation and diagnostics, through the real server process: names resolve
// across cells in any order, and adding, removing, moving and editing cells keeps every
// diagnostic on the right cell and range.
import assert from 'node:assert/strict';
import { brief, buildOnce, fixtures, notebookUriIn, TestClient } from './harness';

const SOURCE =
  'source orders = csv "data/orders.csv" {\n  customer = customer_id\n  date     = order_date\n  amount   = amount\n}';
const SPLIT = 'split cal = orders until 2024-02-01, holdout until 2024-03-31, in weeks';
const MODELS = 'model purchases = bgnbd(cal)\nmodel spend = gamma_gamma(cal)';
const VALUE = 'value clv = lifetime_value(purchases, spend) {\n  horizon 12 months\n}';

describe('LSP notebook sync (real server over stdio)', function () {
  let client: TestClient;
  const nb = notebookUriIn(fixtures);
  before(() => buildOnce());
  beforeEach(async () => (client = await TestClient.start()));
  afterEach(async () => {
    assert.deepEqual(client.errors, [], 'the server logged internal errors');
    await client.stop();
  });

  it('resolves a name used in cell 1 and defined in cell 4; all cells clean', async () => {
    const uris = await client.openNotebook(nb, [VALUE, SOURCE, SPLIT, MODELS]);
    await client.published(uris);
    for (const uri of uris) assert.deepEqual(brief(client.diagnostics.get(uri)), [], uri);
  });

  it('deleting the defining cell turns the reference into an error at once; re-adding clears it', async () => {
    const uris = await client.openNotebook(nb, [VALUE, SOURCE, SPLIT, MODELS]);
    await client.published(uris);
    let wait = client.published([uris[0], uris[3]]);
    await client.spliceCells(nb, 3, 1, [uris[3]], []);
    await wait;
    assert.deepEqual(brief(client.diagnostics.get(uris[0])), [
      { code: 'unknown-name', severity: 1, range: [0, 27, 0, 36] },
      { code: 'unknown-name', severity: 1, range: [0, 38, 0, 43] },
    ]);
    assert.deepEqual(client.diagnostics.get(uris[3]), [], 'the removed cell is cleared');
    wait = client.published([uris[0]]);
    const [added] = await client.spliceCells(nb, 0, 0, [], [{ spec: MODELS }]);
    await wait;
    assert.deepEqual(brief(client.diagnostics.get(uris[0])), []);
    assert.deepEqual(brief(client.diagnostics.get(added)), []);
  });

  it('keeps a diagnostic on its cell when cells are inserted before it and when it moves', async () => {
    const bad = 'segments tiers on clv {\n  "Lapsed" when recency < 4\n  "Rest" otherwise\n}';
    const uris = await client.openNotebook(nb, [SOURCE, SPLIT, MODELS, VALUE, bad]);
    await client.published(uris);
    const expected = [{ code: 'missing-unit', severity: 1, range: [1, 26, 1, 27] }];
    assert.deepEqual(brief(client.diagnostics.get(uris[4])), expected);
    let wait = client.published([uris[4]]);
    await client.spliceCells(
      nb,
      0,
      0,
      [],
      [{ spec: '# a comment cell' }, { spec: { text: '# Notes', language: 'markdown' } }],
    );
    await wait;
    assert.deepEqual(brief(client.diagnostics.get(uris[4])), expected);
    wait = client.published([uris[4]]);
    await client.moveCell(nb, 6, 0);
    await wait;
    assert.deepEqual(brief(client.diagnostics.get(uris[4])), expected);
  });

  it('an edit moves the diagnostic with the text and a fix clears it', async () => {
    const uris = await client.openNotebook(nb, [SOURCE.replace('customer_id', 'customer_idd'), SPLIT, MODELS]);
    await client.published(uris);
    const [diagnostic] = client.diagnostics.get(uris[0])!;
    assert.equal(diagnostic.code, 'unknown-column');
    assert.match(String(diagnostic.message), /did you mean `customer_id`/);
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 25 } });
    let wait = client.published([uris[0]]);
    await client.editCell(nb, uris[0], [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# orders\n' },
    ]);
    await wait;
    assert.deepEqual(brief(client.diagnostics.get(uris[0])), [
      { code: 'unknown-column', severity: 1, range: [2, 13, 2, 25] },
    ]);
    wait = client.published([uris[0]]);
    await client.editCell(nb, uris[0], [
      { range: { start: { line: 2, character: 24 }, end: { line: 2, character: 25 } }, text: '' },
    ]);
    await wait;
    assert.deepEqual(brief(client.diagnostics.get(uris[0])), []);
  });

  it('debounces: a burst of edits is checked once, after the default delay', async () => {
    await client.stop();
    client = await TestClient.start({});
    const uris = await client.openNotebook(nb, [SOURCE, SPLIT, MODELS, VALUE]);
    const opened = client.published(uris);
    // The split's file range is read in the background once the first check has asked for it;
    // its arrival checks the notebook once more. Count the burst's publications after that.
    const rangeRead = opened.then(() => client.published(uris));
    await rangeRead;
    const before = client.publications.get(uris[3]);
    const counted = client.published([uris[3]]);
    for (const ch of '# quick typing') {
      await client.editCell(nb, uris[3], [
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: ch },
      ]);
    }
    const started = Date.now();
    await counted;
    assert.ok(Date.now() - started >= 40, 'published only after the debounce');
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(client.publications.get(uris[3]), before! + 1);
    assert.deepEqual(brief(client.diagnostics.get(uris[3])), []);
  });

  it('places diagnostics right in cells with \\r\\n line ends', async () => {
    const [uri] = await client.openNotebook(nb, [
      'model m = bgnbd(nope)\r\nexport m to "out/m\r\nmodel n = bgnbd(nope2)',
    ]);
    await client.published([uri]);
    assert.deepEqual(brief(client.diagnostics.get(uri)), [
      { code: 'unknown-name', severity: 1, range: [0, 16, 0, 20] },
      { code: 'unterminated-string', severity: 1, range: [1, 12, 1, 18] },
      { code: 'unknown-export-format', severity: 1, range: [1, 12, 1, 18] },
      { code: 'unknown-name', severity: 1, range: [2, 16, 2, 21] },
    ]);
  });

  it('checks a lone .clv text document as a one-cell program', async () => {
    const uri = notebookUriIn(fixtures, 'single.clv');
    const wait = client.published([uri]);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'clv', version: 1, text: `${SOURCE}\nsplit cal = order until 2024-02-01` },
    });
    await wait;
    const [d] = client.diagnostics.get(uri)!;
    assert.equal(d.code, 'unknown-name');
    assert.match(String(d.message), /did you mean `orders`/);
  });
});
