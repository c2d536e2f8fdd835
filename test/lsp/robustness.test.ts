// The server never crashes: malformed requests are answered with empty results (and the
// internal error logged), and random edit sequences — text edits, cell insertions, removals
// and moves — never kill it nor make it publish a diagnostic outside its cell's text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { checkProgram } from '../../server/src/language';
import { buildOnce, fixtures, notebookUriIn, TestClient } from './harness';

const FRAGMENTS = [
  'source orders = csv "data/orders.csv" {\n  customer = customer_id\n  date = order_date\n  amount = amount\n}\n',
  'split cal = orders until 2024-02-01, holdout until 2024-03-31',
  'model purchases = bgnbd(cal)\n',
  'model spend = gamma_gamma(cal)',
  'value clv = lifetime_value(purchases, spend) {\n horizon 12 months\n}',
  'segments s on clv {\n  "A" when p_alive > 0.5 and recency < 4\n',
  '"B" otherwise',
  'chart bar of s by clv',
  'export s to "out/s.csv"',
  '{',
  '}',
  '(',
  ')',
  '"',
  ',',
  '=',
  '%',
  '#',
  '\n',
  '\r\n',
  ' ',
  'é',
  '😀',
  'when',
  'in top 10%',
  'between 1 and',
  '12 months',
  'customer_idd',
  'orders',
];

const ORDERS_COLUMNS = ['customer_id', 'order_date', 'amount', 'channel'].map((name) => ({ name }));
/** Diagnostics the server adds from the data files (the core cannot read files). */
const SERVER_ONLY = new Set(['missing-file', 'date-format-mismatch']);

type Op =
  | { kind: 'insert'; cell: number; at: number; text: string }
  | { kind: 'delete'; cell: number; at: number; length: number }
  | { kind: 'add'; index: number; text: string }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; from: number; to: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      cell: fc.nat(),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      cell: fc.nat(),
      at: fc.nat(),
      length: fc.nat({ max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('add' as const), index: fc.nat(), text: fc.constantFrom(...FRAGMENTS) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }) },
);

/** A diagnostic as code and exact LSP range (offsets would clamp a stale range into the text). */
const key = (code: string, start: { line: number; character: number }, end: { line: number; character: number }) =>
  `${code}@${start.line}:${start.character}-${end.line}:${end.character}`;

function inside(document: TextDocument, d: Diagnostic): boolean {
  const lines = document.getText().split(/\r\n|\r|\n/);
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  const ordered =
    d.range.start.line < d.range.end.line ||
    (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character);
  return ok(d.range.start) && ok(d.range.end) && ordered;
}

describe('LSP robustness (real server over stdio)', function () {
  let client: TestClient;
  before(async () => {
    buildOnce();
    client = await TestClient.start();
  });
  after(async () => client.stop());

  it('answers malformed requests with empty results and keeps serving', async () => {
    const nb = notebookUriIn(fixtures, 'robust.clvnb');
    const [uri] = await client.openNotebook(nb, ['model m = bgnbd(cal)']);
    await client.published([uri]);
    assert.equal(
      await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///nowhere.clv' },
        position: { line: 0, character: 0 },
      }),
      null,
    );
    assert.deepEqual(
      await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: 99, character: 99 },
      }),
      [],
    );
    // No textDocument at all: the handler throws inside; the server logs it and answers empty.
    assert.deepEqual(
      await client.connection.sendRequest('textDocument/definition', { position: { line: 0, character: 0 } }),
      [],
    );
    assert.equal(client.errors.length, 1);
    assert.match(client.errors[0], /^definition failed: TypeError/);
    client.errors.length = 0;
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 11 },
    });
    assert.ok(hover, 'still serving');
  });

  it('random edit sequences never crash the server nor publish a range outside its cell', async function () {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 5 }),
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        async (initial, ops) => {
          const nb = notebookUriIn(fixtures, `random-${++run}.clvnb`);
          const uris = await client.openNotebook(nb, initial);
          const cells = uris.map((uri, i) => TextDocument.create(uri, 'clv', 1, initial[i]));
          const closed = new Set<string>();
          for (const op of ops) {
            if (op.kind === 'insert' || op.kind === 'delete') {
              if (cells.length === 0) continue;
              const cell = cells[op.cell % cells.length];
              const at = cell.positionAt(op.at % (cell.getText().length + 1));
              const end = op.kind === 'delete' ? cell.positionAt(cell.offsetAt(at) + op.length) : at;
              const change = { range: { start: at, end }, text: op.kind === 'insert' ? op.text : '' };
              TextDocument.update(cell, [change], cell.version + 1);
              await client.editCell(nb, cell.uri, [change]);
            } else if (op.kind === 'add') {
              const index = op.index % (cells.length + 1);
              const [uri] = await client.spliceCells(nb, index, 0, [], [{ spec: op.text }]);
              cells.splice(index, 0, TextDocument.create(uri, 'clv', 1, op.text));
            } else if (cells.length > 0 && op.kind === 'remove') {
              const index = op.index % cells.length;
              const [cell] = cells.splice(index, 1);
              await client.spliceCells(nb, index, 1, [cell.uri], []);
              closed.add(cell.uri);
            } else if (cells.length > 0 && op.kind === 'move') {
              const from = op.from % cells.length;
              const to = op.to % cells.length;
              await client.moveCell(nb, from, to);
              cells.splice(to, 0, ...cells.splice(from, 1));
            }
          }
          assert.ok(!client.exited, 'the server is alive');
          // The incrementally maintained program must end up saying what a fresh one-shot check says.
          const fresh = checkProgram(
            cells.map((c) => ({ id: c.uri, text: c.getText() })),
            { schema: (s) => (s.path?.value === 'data/orders.csv' ? ORDERS_COLUMNS : undefined) },
          );
          for (const cell of cells) {
            const expected = fresh
              .cell(cell.uri)!
              .diagnostics.map((d) => key(d.code, cell.positionAt(d.range.start), cell.positionAt(d.range.end)));
            const codes = (published: Diagnostic[]) =>
              published
                .filter((d) => !SERVER_ONLY.has(String(d.code)))
                .map((d) => key(String(d.code), d.range.start, d.range.end));
            const settled = await client
              .until(cell.uri, (published) => JSON.stringify(codes(published)) === JSON.stringify(expected))
              .catch(() => client.diagnostics.get(cell.uri) ?? []);
            assert.deepEqual(codes(settled), expected, cell.getText());
            for (const d of settled)
              assert.ok(inside(cell, d), `${JSON.stringify(d.range)} outside ${JSON.stringify(cell.getText())}`);
          }
          // A removed cell's clearing may still be on its way on a loaded machine: wait for it
          // (a server that never clears fails here after the timeout).
          for (const uri of closed) {
            if (cells.some((c) => c.uri === uri) || !client.diagnostics.get(uri)?.length) continue;
            const left = await client.until(uri, (d) => d.length === 0).catch(() => client.diagnostics.get(uri));
            assert.deepEqual(left, [], 'removed cells are cleared');
          }
          await client.connection.sendNotification('notebookDocument/didClose', {
            notebookDocument: { uri: nb },
            cellTextDocuments: cells.map((c) => ({ uri: c.uri })),
          });
        },
      ),
      { numRuns: 200 },
    );
    assert.deepEqual(client.errors, []);
  });
});
