// Generators of hostile notebook texts and cell lists: fence lines of every kind, cell
// markers, front matter lines, blank lines with spaces, BOMs, all three line breaks and
// non-ASCII text, mixed with arbitrary unicode noise.
import fc from 'fast-check';
import type { CellData } from '../../server/src/notebook-file';

const trickyLines = [
  '```clv',
  '~~~clv',
  '````clv',
  '```clv title',
  '``` clv ',
  '   ```clv',
  '    ```clv',
  '\t```clv',
  '```clv `x`',
  '```CLV',
  '```',
  '~~~',
  '````',
  '``````',
  '~~~~',
  '   ```',
  '``` ',
  '```python',
  '~~~markdown',
  '```clv-like',
  '<!-- cell -->',
  '<!-- cell -->  ',
  '<!-- cell lines=0 -->',
  '<!-- cell lines=1 -->',
  '<!-- cell lines=3 -->',
  '<!-- cell lines=99 -->',
  ' <!-- cell -->',
  '---',
  '...',
  '--- ',
  'title: A "notebook"',
  "note: 'it''s'",
  'key: "a\\nb"',
  '',
  ' ',
  '  \t',
  '\uFEFF',
  '\uFEFF# BOM',
  'é漢字🙂 ünïcödé',
  '`',
  '\\```clv',
  '> ```clv',
  '- ```clv',
  'model m = bgnbd(cal)',
  'source s = csv "a.csv" {',
  '}',
  '# Heading',
  'text',
  'trailing spaces   ',
];

const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...trickyLines) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('`', '~', ' ', '\r', '\n', 'c', 'l', 'v', '-', '<', '!', '>'),
      maxLength: 10,
    }),
  },
);

/** Lines joined by random line breaks, with or without a final break. */
export const linesText = (maxLines: number) =>
  fc
    .array(fc.tuple(line, lineBreak), { maxLength: maxLines })
    .chain((pairs) =>
      fc
        .boolean()
        .map((finalBreak) =>
          pairs.map(([text, eol], i) => text + (i < pairs.length - 1 || finalBreak ? eol : '')).join(''),
        ),
    );

/** A clv fenced block that (usually) closes: random fence style, tricky body. */
const fencedBlock = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````', '~~~~~', ' ```', '   ~~~'),
    fc.constantFrom('clv', ' clv', 'clv title  '),
    lineBreak,
    linesText(5),
    fc.constantFrom('', ' ', '`', '~'),
  )
  .map(
    ([fence, info, eol, body, extra]) =>
      `${fence}${info}${eol}${body}${body && !/[\r\n]$/.test(body) ? eol : ''}${fence.trim()}${extra}${eol}`,
  );

const block = fc.oneof(
  linesText(6),
  fencedBlock,
  fc.constantFrom('\n', '\r\n', '<!-- cell -->\n', '<!-- cell lines=1 -->\n'),
);

/** Whole notebook texts: an optional BOM and front matter, then random lines or cell-like blocks. */
export const notebookText = fc
  .tuple(
    fc.boolean(),
    fc.boolean(),
    fc.oneof(
      linesText(30),
      fc.array(block, { maxLength: 8 }).map((blocks) => blocks.join('')),
    ),
  )
  .map(([bom, frontMatter, body]) => (bom ? '\uFEFF' : '') + (frontMatter ? '---\ntitle: T\n---\n' : '') + body);

/** Sources for cells: the same tricky lines, so sources hold fences, markers and odd breaks. */
export const cellSource = fc.oneof(
  { weight: 4, arbitrary: linesText(6) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

export const cell: fc.Arbitrary<CellData> = fc.oneof(
  cellSource.map((source): CellData => ({ kind: 'code', language: 'clv', source })),
  cellSource.map((source): CellData => ({ kind: 'markup', language: 'markdown', source })),
);

export const cells = fc.array(cell, { maxLength: 8 });

const metadataKey = fc.stringMatching(/^[A-Za-z_][\w.-]{0,8}$/);
export const metadata = fc.dictionary(
  metadataKey,
  fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('---', ' padded ', '"quoted"', "'single'", 'a\nb', '')),
  { maxKeys: 3, noNullPrototype: true },
);
