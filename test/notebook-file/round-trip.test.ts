// Invariant 1: any text at all is written back byte for byte after reading.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNotebook, serializeNotebook, type NotebookFile } from '../../server/src/notebook-file';
import { notebookText } from './arbitraries';
import { sampleNotebooks } from './samples';

const roundTrips = (serialize: (nb: NotebookFile) => string) => (text: string) => {
  assert.equal(JSON.stringify(serialize(parseNotebook(text))), JSON.stringify(text));
};

const regressions: Record<string, string> = {
  empty: '',
  'only a line break': '\n',
  'CRLF everywhere': '# T\r\n\r\n```clv\r\nmodel m = bgnbd(cal)\r\n```\r\n',
  'mixed line breaks': 'a\r\nb\n\r```clv\rx\r\n```\n\r\n',
  'no final newline after a fence': '```clv\nx\n```',
  'no final newline in Markdown': 'text',
  BOM: '\uFEFF# Title\n',
  'two BOMs': '\uFEFF\uFEFFx',
  'longer fence holding a short one': '`````clv\n```\ninside\n```\n`````\n',
  'tilde fence': '~~~clv\nx\n~~~\n',
  'tilde fence not closed by backticks': '~~~clv\n```\n~~~\n',
  'other language fence with a clv fence inside': '```markdown\n```clv\nx\n```\n',
  'unclosed clv fence': 'intro\n```clv\nmodel m = bgnbd(c)\n\n',
  'unclosed other fence': '```python\n```clv\n',
  'empty code cell': '```clv\n```\n',
  'code cell of one empty line': '```clv\n\n```\n',
  'trailing spaces': 'a  \n\n```clv  \nx  \n```  \n  \n',
  'indented fences': '   ```clv\n  x\n ```\n    ```clv\n',
  'blank lines between cells': '```clv\na\n```\n\n\n\n```clv\nb\n```\n\n\n',
  'adjacent separators': 'a\n<!-- cell -->\n<!-- cell -->\n\n<!-- cell -->',
  'counted cell past the end': '<!-- cell lines=9 -->\na\n',
  'counted cell without a break': '<!-- cell lines=0 -->',
  'front matter only': '---\ntitle: x\n---',
  'unclosed front matter': '---\ntitle: x\n',
  'front matter with CR': '---\rtitle: x\r---\r\r```clv\rx\r```\r',
  'lone CR before LF source line': '```clv\r\n\n```\n',
};

describe('notebook file: byte-for-byte round trip', () => {
  for (const [name, text] of Object.entries(regressions)) it(name, () => roundTrips(serializeNotebook)(text));

  it('every sample notebook', () => {
    const samples = sampleNotebooks();
    assert.ok(samples.length >= 4);
    for (const { name, text } of samples) {
      roundTrips(serializeNotebook)(text);
      assert.ok(
        parseNotebook(text).cells.some((c) => c.kind === 'code'),
        `${name} has code cells`,
      );
    }
  });

  it('holds for generated hostile texts', () => {
    fc.assert(fc.property(notebookText, roundTrips(serializeNotebook)), { numRuns: 4000 });
  });

  it('holds for arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), roundTrips(serializeNotebook)), {
      numRuns: 3000,
    });
  });

  it('catches a serializer that normalises CRLF to LF', () => {
    const broken = (nb: NotebookFile) => serializeNotebook(nb).replaceAll('\r\n', '\n');
    const result = fc.check(fc.property(notebookText, roundTrips(broken)), { numRuns: 3000 });
    assert.ok(result.failed, 'the property must fail for the broken serializer');
    assert.match(String(result.counterexample?.[0]), /\r\n/);
  });
});
