// Notebook file format: reading and writing a large notebook (the CDNOW sample repeated to
// about 1,000 cells), unchanged and after editing one cell, and the editor round trip that
// VS Code does on open and save.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromEditorNotebook, parseNotebook, serializeNotebook, toEditorNotebook } from '../server/src/notebook-file';
import { measure } from './measure';

const sample = readFileSync(join(import.meta.dirname, '..', 'samples', 'cdnow', 'cdnow.clvnb'), 'utf8');
const perCopy = parseNotebook(sample).cells.length;
const text = Array.from({ length: Math.ceil(1000 / perCopy) }, () => sample).join('\n');
const nb = parseNotebook(text);
console.log(`notebook: ${nb.cells.length} cells, ${(text.length / 1024).toFixed(0)} KiB`);

await measure('parseNotebook (large notebook)', () => parseNotebook(text));
await measure('serializeNotebook, unchanged', () => serializeNotebook(nb));
const middle = nb.cells.findIndex((c, i) => i > nb.cells.length / 2 && c.kind === 'code');
const edited = { ...nb, cells: nb.cells.map((c, i) => (i === middle ? { ...c, source: c.source + '\n# edited' } : c)) };
await measure('serializeNotebook, one cell edited', () => serializeNotebook(edited));
await measure('editor round trip (open + save)', () => fromEditorNotebook(toEditorNotebook(text)));
