// What the reader makes of specific texts: which lines are code cells and which prose.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotebook } from '../../server/src/notebook-file';
import { repoRoot } from './samples';

const cellsOf = (text: string) => parseNotebook(text).cells.map((c) => `${c.kind}:${c.source}`);

describe('notebook file: reading', () => {
  it('splits prose and clv fences, trimming the blank lines between cells', () => {
    assert.deepEqual(cellsOf('# T\n\nintro\n\n```clv\nmodel m = bgnbd(cal)\n```\n\nafter\n'), [
      'markup:# T\n\nintro',
      'code:model m = bgnbd(cal)',
      'markup:after',
    ]);
  });

  it('reads tilde fences, longer fences and info strings after clv', () => {
    assert.deepEqual(cellsOf('~~~clv\na\n~~~\n````clv title\n```\n````\n'), ['code:a', 'code:```']);
  });

  it('leaves fences of other languages, and clv fences inside them, to Markdown', () => {
    assert.deepEqual(cellsOf('```python\n```clv\nx\n```\n'), ['markup:```python\n```clv\nx\n```']);
  });

  it('does not take indented code, list items or block quotes for fences', () => {
    assert.deepEqual(cellsOf('    ```clv\n- ```clv\n> ```clv\n\t```clv\n'), [
      'markup:    ```clv\n- ```clv\n> ```clv\n\t```clv',
    ]);
  });

  it('runs an unclosed clv fence to the end of the file, as CommonMark does', () => {
    assert.deepEqual(cellsOf('a\n```clv\nx\n\ny\n'), ['markup:a', 'code:x\n\ny']);
  });

  it('splits Markdown at separators and reads counted cells without looking inside', () => {
    assert.deepEqual(cellsOf('a\n<!-- cell -->\nb\n<!-- cell -->\n<!-- cell lines=2 -->\n```clv\n\n'), [
      'markup:a',
      'markup:b',
      'markup:',
      'markup:```clv\n',
    ]);
  });

  it('keeps the line breaks inside sources and drops the one before the closing fence', () => {
    assert.deepEqual(cellsOf('```clv\r\na\r\nb\n\n```\r\n'), ['code:a\r\nb\n']);
  });

  it('imports nothing from vscode', () => {
    const folder = join(repoRoot, 'server', 'src', 'notebook-file');
    for (const name of readdirSync(folder))
      assert.doesNotMatch(readFileSync(join(folder, name), 'utf8'), /from ['"]vscode['"]/, name);
  });
});

describe('notebook file: the examples of docs/notebook-format.md', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'notebook-format.md'), 'utf8');
  const examples = [...doc.matchAll(/^ *````markdown\n([\s\S]*?)^ *````$/gm)].map((m) => m[1].replace(/^ {2}/gm, ''));

  it('reads the introductory example as front matter and three cells', () => {
    const nb = parseNotebook(examples[0]);
    assert.deepEqual(nb.metadata, { title: 'Retail repeat buying' });
    assert.deepEqual(
      nb.cells.map((c) => c.kind),
      ['markup', 'code', 'markup'],
    );
  });

  it('reads the counted example as one Markdown cell of three lines', () => {
    assert.deepEqual(cellsOf(examples[1]), ['markup:An example notebook cell:\n```clv\nmodel m = bgnbd(cal)']);
  });
});
