// The editor round trip (what ClvNotebookSerializer does): layouts survive a JSON copy of
// the metadata and the editor's one-line-break-style-per-cell normalisation; an unchanged
// notebook saves byte for byte and an edit rewrites only the edited cell.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  fromEditorNotebook,
  parseNotebook,
  toEditorNotebook,
  type EditorNotebook,
} from '../../server/src/notebook-file';
import { notebookText } from './arbitraries';
import { sampleNotebooks } from './samples';

/** What an editor hands back: metadata copied, every cell's line breaks made one style. */
function throughEditor(notebook: EditorNotebook, eol: string): EditorNotebook {
  const copy = JSON.parse(JSON.stringify(notebook)) as EditorNotebook;
  return { ...copy, cells: copy.cells.map((cell) => ({ ...cell, value: cell.value.replace(/\r\n|\r|\n/g, eol) })) };
}

describe('notebook file: editor round trip', () => {
  it('saves an unopened-then-unchanged notebook byte for byte, whatever the editor does to line breaks', () => {
    fc.assert(
      fc.property(notebookText, fc.constantFrom('\n', '\r\n'), (text, eol) => {
        assert.equal(
          JSON.stringify(fromEditorNotebook(throughEditor(toEditorNotebook(text), eol))),
          JSON.stringify(text),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('changes only the edited cell of a sample notebook', () => {
    const text = sampleNotebooks().find((s) => s.name === 'cdnow.clvnb')!.text;
    const notebook = throughEditor(toEditorNotebook(text), '\n');
    const index = notebook.cells.findIndex((c) => c.kind === 'code');
    const before = notebook.cells[index].value;
    notebook.cells[index] = { ...notebook.cells[index], value: before + '\n# a new comment' };
    assert.equal(fromEditorNotebook(notebook), text.replace(before, before + '\n# a new comment'));
  });

  it('keeps every sample notebook byte for byte in CRLF form', () => {
    for (const { name, text: lf } of sampleNotebooks()) {
      const text = lf.replaceAll('\n', '\r\n');
      assert.equal(fromEditorNotebook(throughEditor(toEditorNotebook(text), '\r\n')), text, name);
    }
  });

  it('gives code cells the clv language and Markdown cells the markdown language', () => {
    const notebook = toEditorNotebook('# Title\n\n```clv\nmodel m = bgnbd(cal)\n```\n');
    assert.deepEqual(
      notebook.cells.map((c) => [c.kind, c.languageId, c.value]),
      [
        ['markup', 'markdown', '# Title'],
        ['code', 'clv', 'model m = bgnbd(cal)'],
      ],
    );
    assert.deepEqual(
      parseNotebook(fromEditorNotebook({ cells: [{ kind: 'code', value: 'x', languageId: 'clv' }] })).cells.map(
        (c) => c.source,
      ),
      ['x'],
    );
  });
});
