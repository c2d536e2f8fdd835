// Front matter: read into a flat key/value map, kept verbatim while the map is unchanged.
import assert from 'node:assert/strict';
import { notebookFromCells, parseNotebook, serializeNotebook } from '../../server/src/notebook-file';

describe('notebook file: front matter', () => {
  it('reads top-level key: value pairs, unquoting quoted values', () => {
    const nb = parseNotebook(
      '---\ntitle: CDNOW  \nnote: "a \\"b\\""\nwho: \'it\'\'s\'\n  nested: ignored\n- list\n---\n# Body\n',
    );
    assert.deepEqual(nb.metadata, { title: 'CDNOW', note: 'a "b"', who: "it's" });
    assert.deepEqual(
      nb.cells.map((c) => c.source),
      ['# Body'],
    );
  });

  it('is only front matter at the very start and when closed', () => {
    assert.deepEqual(parseNotebook('\n---\na: b\n---\n').metadata, {});
    assert.deepEqual(parseNotebook('---\na: b\n').metadata, {});
    assert.deepEqual(parseNotebook('\uFEFF---\na: b\n...\n').metadata, { a: 'b' });
  });

  it('is written back verbatim while unchanged and regenerated when changed', () => {
    const text = '---\ntitle:   Old   # comment\n---\n\nbody\n';
    const nb = parseNotebook(text);
    assert.equal(serializeNotebook(nb), text);
    assert.equal(serializeNotebook({ ...nb, metadata: { title: 'New' } }), '---\ntitle: New\n---\n\nbody\n');
    assert.equal(serializeNotebook({ ...nb, metadata: {} }), '\nbody\n');
  });

  it('quotes values that would not read back plainly and rejects keys it cannot write', () => {
    const metadata = { a: ' padded', b: 'two\nlines', c: '"quoted"', d: '' };
    assert.deepEqual(parseNotebook(serializeNotebook(notebookFromCells([], metadata))).metadata, metadata);
    // YAML would read `a: b: c` as a nested mapping and ` #` as a comment: such values are quoted too.
    assert.equal(
      serializeNotebook(notebookFromCells([], { title: 'CLV: orders.csv', note: 'see #3 #4' })),
      '---\ntitle: "CLV: orders.csv"\nnote: "see #3 #4"\n---\n',
    );
    assert.throws(
      () => serializeNotebook(notebookFromCells([], { 'bad key': 'x' })),
      /front matter key "bad key" is not a plain name/,
    );
  });
});
