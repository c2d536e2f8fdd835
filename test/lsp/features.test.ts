// Language features over real LSP traffic: completion (keywords, snippets, names from any
// cell, metrics, model kinds, data-file columns, file paths), hover, definition, references,
// rename, symbols, semantic tokens, formatting, quick fixes and signature help.
import assert from 'node:assert/strict';
import type {
  CompletionItem,
  CompletionList,
  Hover,
  Location,
  MarkupContent,
  Position,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { buildOnce, fixtures, notebookUriIn, TestClient } from './harness';

const CELLS = [
  'source orders = csv "data/orders.csv" {\n  customer = customer_id\n  date     = order_date\n  amount   = amount\n}',
  'split cal = orders until 2024-02-01, holdout until 2024-03-31, in weeks',
  'model purchases = bgnbd(cal)\nmodel spend = gamma_gamma(cal)',
  'value clv = lifetime_value(purchases, spend) {\n  horizon 12 months\n}',
  'segments tiers on clv {\n  "Top" when clv in top 10% and p_alive > 0.5\n  "Rest" otherwise\n}',
];

describe('LSP features (real server over stdio)', function () {
  let client: TestClient;
  let uris: string[];
  const nb = notebookUriIn(fixtures);
  const request = <R>(method: string, uri: string, position?: Position, extra: object = {}) =>
    client.connection.sendRequest<R>(method, {
      textDocument: { uri },
      ...(position ? { position } : {}),
      ...extra,
    });
  const labels = (items: CompletionItem[] | CompletionList | null) =>
    (Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label);
  let scratches = 0;
  /** A notebook of CELLS plus one scratch cell (returned), so tests do not see each other's names. */
  async function scratch(text: string): Promise<string> {
    const cells = await client.openNotebook(notebookUriIn(fixtures, `scratch-${++scratches}.clvnb`), [...CELLS, text]);
    await client.published(cells);
    return cells[CELLS.length];
  }

  before(async () => {
    buildOnce();
    client = await TestClient.start();
    uris = await client.openNotebook(nb, CELLS);
    await client.published(uris);
  });
  after(async () => {
    assert.deepEqual(client.errors, []);
    await client.stop();
  });

  it('the notebook is clean', () => {
    for (const uri of uris) assert.deepEqual(client.diagnostics.get(uri), [], uri);
  });

  describe('completion', () => {
    it('offers the data file columns after a mapping, with types and samples', async () => {
      const items = await request<CompletionItem[]>('textDocument/completion', uris[0], { line: 3, character: 13 });
      assert.deepEqual(labels(items), ['customer_id', 'order_date', 'amount', 'channel']);
      const column = items.find((i) => i.label === 'order_date')!;
      assert.equal(column.detail, 'column, date (ISO)');
      assert.equal(column.documentation, 'e.g. 2024-01-05, 2024-01-07, 2024-02-11, 2024-02-14, 2024-03-02');
      assert.deepEqual(column.textEdit, {
        range: { start: { line: 3, character: 13 }, end: { line: 3, character: 13 } },
        newText: 'order_date',
      });
    });

    it('replaces the half-typed word with a column name', async () => {
      const uri = await scratch('source more = csv "data/orders.csv" {\n  customer = cust\n}');
      const items = await request<CompletionItem[]>('textDocument/completion', uri, { line: 1, character: 17 });
      const item = items.find((i) => i.label === 'customer_id')!;
      assert.deepEqual(item.textEdit, {
        range: { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } },
        newText: 'customer_id',
      });
    });

    it('offers names defined in other cells, by kind', async () => {
      const uri = await scratch('model other = pareto_nbd(');
      assert.deepEqual(labels(await request('textDocument/completion', uri, { line: 0, character: 25 })).sort(), [
        'cal',
        'orders',
      ]);
      const value = await scratch('value v2 = lifetime_value(');
      assert.deepEqual(labels(await request('textDocument/completion', value, { line: 0, character: 26 })).sort(), [
        'purchases',
        'spend',
      ]);
    });

    it('offers metrics with their meaning in a segment rule', async () => {
      const items = await request<CompletionItem[]>('textDocument/completion', uris[4], { line: 1, character: 13 });
      assert.ok(labels(items).includes('p_alive') && labels(items).includes('recency'));
      const pAlive = items.find((i) => i.label === 'p_alive')!;
      assert.match(
        (pAlive.documentation as MarkupContent).value,
        /^\*\*p_alive\*\* — per-customer metric, probability\n\nProbability that the customer is still active/,
      );
    });

    it('offers model kinds with their parameters, and statement keywords with snippets', async () => {
      const uri = await scratch('model m = ');
      const kinds = await request<CompletionItem[]>('textDocument/completion', uri, { line: 0, character: 10 });
      assert.deepEqual(labels(kinds), ['bgnbd', 'mbgnbd', 'pareto_nbd', 'bgbb', 'gamma_gamma', 'sbg']);
      assert.match((kinds[0].documentation as MarkupContent).value, /- `alpha`: Scale of the gamma distribution/);
      const top = await scratch('');
      const items = await request<CompletionItem[]>('textDocument/completion', top, { line: 0, character: 0 });
      assert.ok(
        ['source', 'split', 'model', 'value', 'segments', 'chart', 'table', 'export'].every((k) =>
          labels(items).includes(k),
        ),
      );
      const snippet = items.find((i) => i.label === 'segments …')!;
      assert.equal(snippet.insertTextFormat, 2);
      assert.match(snippet.textEdit!.newText, /otherwise\n\}$/);
    });

    it('offers columns in a source filter', async () => {
      const uri = await scratch(
        'source more = csv "data/orders.csv" {\n  customer = customer_id\n  date = order_date\n  where \n}',
      );
      assert.deepEqual(labels(await request('textDocument/completion', uri, { line: 3, character: 8 })).slice(0, 4), [
        'customer_id',
        'order_date',
        'amount',
        'channel',
      ]);
    });

    it("offers a purchase model's options inside its block, and not sbg's fit_periods", async () => {
      const uri = await scratch('model tuned = bgnbd(cal) {\n  \n}');
      assert.deepEqual(labels(await request('textDocument/completion', uri, { line: 1, character: 2 })), [
        'penalty',
        'max_iterations',
        'tolerance',
        'horizon',
        'intervals',
        'draws',
        'seed',
        'save_fit',
        'frozen',
      ]);
    });

    it("offers file names inside a model's frozen path", async () => {
      const uri = await scratch('model again = bgnbd(cal) {\n  frozen "data/\n}');
      const items = await request<CompletionItem[]>('textDocument/completion', uri, { line: 1, character: 15 });
      assert.deepEqual(labels(items).sort(), ['orders.csv', 'visits.csv']);
    });

    it("offers an sbg model's options inside its block, and a spend model's after another option", async () => {
      const sbg = await scratch('model kept = sbg(cohorts) {\n  \n}');
      assert.deepEqual(labels(await request('textDocument/completion', sbg, { line: 1, character: 2 })), [
        'penalty',
        'max_iterations',
        'tolerance',
        'fit_periods',
      ]);
      const spend = await scratch('model mean_spend = gamma_gamma(cal) { penalty 0.1  ');
      assert.deepEqual(labels(await request('textDocument/completion', spend, { line: 0, character: 51 })), [
        'penalty',
        'max_iterations',
        'tolerance',
        'save_fit',
        'frozen',
      ]);
    });

    it('offers file names inside the path string', async () => {
      const uri = await scratch('source raw = csv "data/');
      const items = await request<CompletionItem[]>('textDocument/completion', uri, { line: 0, character: 23 });
      assert.deepEqual(labels(items).sort(), ['orders.csv', 'visits.csv']);
      assert.deepEqual((items[0].textEdit as { range: unknown }).range, {
        start: { line: 0, character: 23 },
        end: { line: 0, character: 23 },
      });
    });
  });

  describe('hover', () => {
    const hoverText = async (uri: string, position: Position) =>
      ((await request<Hover>('textDocument/hover', uri, position)).contents as MarkupContent).value;

    it('explains a metric and its unit', async () => {
      assert.match(
        await hoverText(uris[4], { line: 1, character: 33 }),
        /^\*\*p_alive\*\* — per-customer metric, probability/,
      );
      const recency = await scratch('segments r on clv {\n  "New" when recency < 4 weeks\n  "Rest" otherwise\n}');
      assert.match(
        await hoverText(recency, { line: 1, character: 14 }),
        /^\*\*recency\*\* — per-customer metric, duration \(in the split's time unit\)/,
      );
    });

    it('shows a column type and sample values', async () => {
      assert.equal(
        await hoverText(uris[0], { line: 3, character: 15 }),
        '(column) **amount**: number\n\nSample values: `25.50`, `12.00`, `40.25`, `9.99`, `18.75`',
      );
      assert.match(await hoverText(uris[0], { line: 1, character: 16 }), /^\(column\) \*\*customer_id\*\*: string/);
    });

    it('shows a model kind with its parameters', async () => {
      const text = await hoverText(uris[2], { line: 0, character: 19 });
      assert.match(text, /^\*\*bgnbd\*\* — BG\/NBD, purchase model on transactions \(continuous time\)/);
      assert.match(text, /Parameters:\n- `r`: .*\n- `alpha`: .*\n- `a`: .*\n- `b`: /);
    });

    it('shows the definition of a name defined in another cell', async () => {
      assert.equal(
        await hoverText(uris[2], { line: 0, character: 25 }),
        `(split) **cal**\n\n\`\`\`clv\n${CELLS[1]}\n\`\`\``,
      );
    });
  });

  describe('navigation and rename', () => {
    it('goes to a definition in another cell', async () => {
      const locations = await request<Location[]>('textDocument/definition', uris[3], { line: 0, character: 30 });
      assert.deepEqual(locations, [
        { uri: uris[2], range: { start: { line: 0, character: 6 }, end: { line: 0, character: 15 } } },
      ]);
    });

    it('finds references in every cell', async () => {
      const locations = await request<Location[]>(
        'textDocument/references',
        uris[1],
        { line: 0, character: 7 },
        { context: { includeDeclaration: true } },
      );
      const where = locations
        .map((l) => `${uris.indexOf(l.uri)}:${l.range.start.line}:${l.range.start.character}`)
        .sort();
      assert.deepEqual(where, ['1:0:6', '2:0:24', '2:1:26']);
      const uses = await request<Location[]>(
        'textDocument/references',
        uris[1],
        { line: 0, character: 7 },
        { context: { includeDeclaration: false } },
      );
      assert.equal(uses.length, 2);
    });

    it('prepares and performs a rename across cells', async () => {
      const prepared = await request('textDocument/prepareRename', uris[3], { line: 0, character: 30 });
      assert.deepEqual(prepared, {
        range: { start: { line: 0, character: 27 }, end: { line: 0, character: 36 } },
        placeholder: 'purchases',
      });
      const edit = await request<WorkspaceEdit>(
        'textDocument/rename',
        uris[3],
        { line: 0, character: 30 },
        { newName: 'buys' },
      );
      const range = (l: number, s: number, e: number) => ({
        start: { line: l, character: s },
        end: { line: l, character: e },
      });
      assert.deepEqual(edit.changes, {
        [uris[2]]: [{ range: range(0, 6, 15), newText: 'buys' }],
        [uris[3]]: [{ range: range(0, 27, 36), newText: 'buys' }],
      });
      assert.equal(
        await request('textDocument/prepareRename', uris[4], { line: 1, character: 33 }),
        null,
        'metrics cannot be renamed',
      );
      await assert.rejects(
        request('textDocument/rename', uris[3], { line: 0, character: 30 }, { newName: '9lives' }),
        /is not a name/,
      );
      await assert.rejects(
        request('textDocument/rename', uris[3], { line: 0, character: 30 }, { newName: 'spend' }),
        /already defined/,
      );
    });
  });

  it('lists symbols, with segment rules as children', async () => {
    const symbols = await request<{ name: string; kind: number; children?: { name: string; detail: string }[] }[]>(
      'textDocument/documentSymbol',
      uris[4],
    );
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.children?.map((c) => [c.name, c.detail])]),
      [
        [
          'tiers',
          10,
          [
            ['Top', 'clv in top 10% and p_alive > 0.5'],
            ['Rest', 'otherwise'],
          ],
        ],
      ],
    );
    const models = await request<{ name: string }[]>('textDocument/documentSymbol', uris[2]);
    assert.deepEqual(
      models.map((s) => s.name),
      ['purchases', 'spend'],
    );
  });

  it('gives semantic tokens: keywords, declarations, references, metrics, columns, literals', async () => {
    const { data } = await request<{ data: number[] }>('textDocument/semanticTokens/full', uris[1]);
    const legend = [
      'keyword',
      'variable',
      'property',
      'parameter',
      'function',
      'number',
      'string',
      'comment',
      'operator',
    ];
    const tokens: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      tokens.push(
        `${CELLS[1].split('\n')[line].slice(char, char + data[i + 2])}:${legend[data[i + 3]]}${data[i + 4] ? '+decl' : ''}`,
      );
    }
    assert.deepEqual(tokens, [
      'split:keyword',
      'cal:variable+decl',
      '=:operator',
      'orders:variable',
      'until:keyword',
      '2024-02-01:number',
      'holdout:keyword',
      'until:keyword',
      '2024-03-31:number',
      'in:keyword',
      'weeks:keyword',
    ]);
  });

  it('formats a cell with the core formatter', async () => {
    const uri = await scratch('model   tidy=bgnbd( cal ) {  penalty 0.001  max_iterations 500 }');
    const edits = await request<{ newText: string; range: unknown }[]>('textDocument/formatting', uri, undefined, {
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 64 } },
        newText: 'model tidy = bgnbd(cal) {\n  penalty 0.001\n  max_iterations 500\n}',
      },
    ]);
    assert.deepEqual(
      await request('textDocument/formatting', uris[1], undefined, { options: { tabSize: 2, insertSpaces: true } }),
      [],
    );
  });

  describe('quick fixes', () => {
    const actions = (uri: string, line: number) =>
      request<{ title: string; edit: WorkspaceEdit; isPreferred: boolean }[]>(
        'textDocument/codeAction',
        uri,
        undefined,
        { range: { start: { line, character: 0 }, end: { line, character: 80 } }, context: { diagnostics: [] } },
      );

    it('fixes a "did you mean" name', async () => {
      const uri = await scratch('model typo = bgnbd(call)');
      const [fix] = await actions(uri, 0);
      assert.equal(fix.title, 'Change to `cal`');
      assert.deepEqual(fix.edit.changes![uri], [
        { range: { start: { line: 0, character: 19 }, end: { line: 0, character: 23 } }, newText: 'cal' },
      ]);
    });

    it('fixes misspelt metrics, options and roles', async () => {
      const uri = await scratch(
        'source more = csv "data/orders.csv" {\n  custmer = customer_id\n  date = order_date\n}\nmodel tuned = bgnbd(cal) { penalti 0.1 }\nsegments s2 on clv {\n  "A" when p_alve > 0.5\n  "B" otherwise\n}',
      );
      const titles = async (line: number) => (await actions(uri, line)).map((a) => a.title);
      assert.deepEqual(await titles(1), ['Change to `customer`']);
      assert.deepEqual(await titles(4), ['Change to `penalty`']);
      assert.deepEqual(await titles(6), ['Change to `p_alive`']);
    });

    it('adds a missing unit and a missing otherwise', async () => {
      const uri = await scratch('segments late on clv {\n  "Lapsed" when recency > 8\n}');
      const unit = await actions(uri, 1);
      assert.deepEqual(
        unit.map((a) => a.title),
        ['Write `8 weeks`'],
      );
      assert.deepEqual(unit[0].edit.changes![uri][0].newText, '8 weeks');
      const [otherwise] = await actions(uri, 0);
      assert.equal(otherwise.title, 'Add `"Everyone else" otherwise`');
      assert.deepEqual(otherwise.edit.changes![uri], [
        {
          range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
          newText: '  "Everyone else" otherwise\n',
        },
      ]);
    });
  });

  it('helps with model call signatures', async () => {
    const help = await request<{ signatures: { label: string }[]; activeParameter: number }>(
      'textDocument/signatureHelp',
      uris[2],
      { line: 0, character: 24 },
    );
    assert.equal(help.signatures[0].label, 'bgnbd(data)');
    assert.equal(help.activeParameter, 0);
    const value = await request<{ signatures: { label: string }[]; activeSignature: number; activeParameter: number }>(
      'textDocument/signatureHelp',
      uris[3],
      { line: 0, character: 38 },
    );
    assert.deepEqual(
      [value.signatures[value.activeSignature].label, value.activeParameter],
      ['lifetime_value(purchase_model, spend_model)', 1],
    );
  });
});
