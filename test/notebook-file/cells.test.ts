// Invariant 2: any list of cells written by the serializer reads back as the same cells;
// and editing one cell of a read file rewrites only that cell's lines.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  notebookFromCells,
  parseNotebook,
  serializeNotebook,
  type CellData,
  type NotebookFile,
} from '../../server/src/notebook-file';
import { cellSource, cells, metadata, notebookText } from './arbitraries';

const plain = (nb: NotebookFile): CellData[] =>
  nb.cells.map(({ kind, language, source }) => ({ kind, language, source }));

const readsBack = (list: CellData[], meta: Record<string, string> = {}) => {
  const text = serializeNotebook(notebookFromCells(list, meta));
  const nb = parseNotebook(text);
  assert.deepEqual(plain(nb), list, `written as ${JSON.stringify(text)}`);
  assert.deepEqual(nb.metadata, meta);
};

const md = (source: string): CellData => ({ kind: 'markup', language: 'markdown', source });
const code = (source: string): CellData => ({ kind: 'code', language: 'clv', source });

const regressions: Record<string, CellData[]> = {
  'no cells': [],
  'adjacent Markdown cells': [md('a'), md('b'), md('c')],
  'empty cells': [md(''), code(''), md(''), md('')],
  'sources with trailing newlines': [md('a\n'), code('x\n'), md('b\n\n')],
  'Markdown with leading blank lines': [md('\n\nx')],
  'code holding fence lines': [code('```\n````\n~~~\n```clv')],
  'Markdown holding a clv fence': [md('see\n```clv\nmodel m = bgnbd(c)\n```')],
  'Markdown holding cell markers': [md('<!-- cell -->'), md('<!-- cell lines=2 -->\nx')],
  'Markdown holding an unclosed fence': [md('```python\nx'), code('y')],
  'Markdown that looks like front matter': [md('---\ntitle: x\n---')],
  'Markdown starting with a BOM': [md('\uFEFFx')],
  'CRLF and lone CR inside sources': [code('a\r\nb\rc\r'), md('x\r\ny\r'), code('\ny')],
};

describe('notebook file: cells read back as written', () => {
  for (const [name, list] of Object.entries(regressions)) it(name, () => readsBack(list));

  it('writes adjacent Markdown cells with a separator and awkward ones with a line count', () => {
    assert.equal(
      serializeNotebook(notebookFromCells([md('a'), md('b'), code('x'), md('c\n')])),
      'a\n\n<!-- cell -->\nb\n\n```clv\nx\n```\n\n<!-- cell lines=2 -->\nc\n\n',
    );
  });

  it('makes the fence longer than any fence-like line of the source', () => {
    assert.equal(serializeNotebook(notebookFromCells([code('```\n`````')])), '``````clv\n```\n`````\n``````\n');
  });

  it('writes code cells of other languages as Markdown holding a fenced block', () => {
    const text = serializeNotebook(notebookFromCells([{ kind: 'code', language: 'python', source: 'print(1)' }]));
    assert.deepEqual(plain(parseNotebook(text)), [md('```python\nprint(1)\n```')]);
  });

  it('holds for generated cell lists and metadata', () => {
    fc.assert(
      fc.property(cells, metadata, (list, meta) => readsBack(list, meta)),
      { numRuns: 3000 },
    );
  });

  it('catches a serializer that always opens code cells with a three-backtick fence', () => {
    const broken = (list: CellData[]) => serializeNotebook(notebookFromCells(list)).replace(/^`{4,}clv$/gm, '```clv');
    const result = fc.check(
      fc.property(cells, (list) => assert.deepEqual(plain(parseNotebook(broken(list))), list)),
      { numRuns: 3000 },
    );
    assert.ok(result.failed, 'the property must fail for the broken serializer');
  });

  it('holds when generated cells replace the cells of a read file (its layouts kept as hints)', () => {
    fc.assert(
      fc.property(notebookText, cells, (text, list) => {
        const nb = notebookFromCells(list, undefined, parseNotebook(text));
        assert.deepEqual(plain(parseNotebook(serializeNotebook(nb))), list);
      }),
      { numRuns: 3000 },
    );
  });

  it('rewrites only the edited cell when one cell of a read file changes', () => {
    fc.assert(
      fc.property(notebookText, fc.nat(), cellSource, (text, pick, source) => {
        const nb = parseNotebook(text);
        fc.pre(nb.cells.length > 0);
        const index = pick % nb.cells.length;
        const edited = { ...nb, cells: nb.cells.map((c, i) => (i === index ? { ...c, source } : c)) };
        const written = serializeNotebook(edited);
        assert.deepEqual(plain(parseNotebook(written)), plain(edited));
        // The text up to the cell and from the cell after it on stay as they were.
        const upTo = (n: number) =>
          serializeNotebook({ ...nb, cells: nb.cells.slice(0, n), layout: { ...nb.layout!, tail: '' } }).length;
        assert.ok(written.startsWith(text.slice(0, upTo(index))), 'text before the edited cell changed');
        if (!nb.cells[index].layout!.atEnd)
          assert.ok(written.endsWith(text.slice(upTo(index + 1))), 'text after the edited cell changed');
      }),
      { numRuns: 3000 },
    );
  });

  it('reuses the layout of matching cells of an earlier read', () => {
    const text = '# T\r\n\r\n~~~~clv\r\nmodel a = bgnbd(c)\r\n~~~~\r\n\r\n\r\nend\r\n';
    const previous = parseNotebook(text);
    const same = notebookFromCells(plain(previous), undefined, previous);
    assert.equal(serializeNotebook(same), text);
    const edited = plain(previous).map((c) => (c.kind === 'code' ? { ...c, source: 'model b = bgnbd(c)' } : c));
    assert.equal(serializeNotebook(notebookFromCells(edited, undefined, previous)), text.replace('model a', 'model b'));
  });
});
