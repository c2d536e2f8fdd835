// Golden tests: parse trees, diagnostics and formatting of every fixture file.
import assert from 'node:assert/strict';
import { formatCell, LineIndex, parseCell, printTree } from '../../server/src/language/index';
import { assertGolden, checkFixture, fixtures, formatDiagnostic } from './golden';

describe('language golden files', () => {
  describe('parse (*.clv → *.tree)', () => {
    for (const f of fixtures('parse')) {
      it(f.name, () => {
        const result = parseCell(f.text);
        const lines = new LineIndex(f.text);
        const errors = result.errors.map((d) => formatDiagnostic(d, lines)).join('\n');
        assertGolden(f.path.replace(/\.clv$/, '.tree'), `${printTree(result.statements)}errors:${errors ? '\n' + errors : ' none'}\n`);
      });
    }
  });

  describe('check (*.clv → *.diagnostics)', () => {
    for (const f of fixtures('check')) {
      it(f.name, () => assertGolden(f.path.replace(/\.clv$/, '.diagnostics'), checkFixture(f.text)));
    }
  });

  describe('format (*.clv → *.formatted)', () => {
    for (const f of fixtures('format')) {
      it(f.name, () => {
        const formatted = formatCell(f.text);
        assertGolden(f.path.replace(/\.clv$/, '.formatted'), formatted);
        assert.equal(formatCell(formatted), formatted, 'formatting is idempotent');
        assert.equal(printTree(parseCell(formatted).statements, { ranges: false }), printTree(parseCell(f.text).statements, { ranges: false }), 'formatting keeps the meaning');
      });
    }
  });
});
