// Golden tests: parse trees, diagnostics and formatting of every fixture file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { DIAGNOSTIC_CODES, formatCell, LineIndex, parseCell, printTree } from '../../server/src/language/index';
import { assertGolden, checkFixture, fixtures, formatDiagnostic } from './golden';

describe('language golden files', () => {
  describe('parse (*.clv → *.tree)', () => {
    for (const f of fixtures('parse')) {
      it(f.name, () => {
        const result = parseCell(f.text);
        const lines = new LineIndex(f.text);
        const errors = result.errors.map((d) => formatDiagnostic(d, lines)).join('\n');
        assertGolden(
          f.path.replace(/\.clv$/, '.tree'),
          `${printTree(result.statements)}errors:${errors ? '\n' + errors : ' none'}\n`,
        );
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
        assert.equal(
          printTree(parseCell(formatted).statements, { ranges: false }),
          printTree(parseCell(f.text).statements, { ranges: false }),
          'formatting keeps the meaning',
        );
      });
    }
  });
});

describe('language diagnostics coverage', () => {
  it('every diagnostic code appears in some golden expectation, with its exact text and range', () => {
    const expectations = [...fixtures('parse'), ...fixtures('check')]
      .map((f) => {
        const expected = f.path.replace(/\.clv$/, f.path.includes('/parse/') ? '.tree' : '.diagnostics');
        return existsSync(expected) ? readFileSync(expected, 'utf8') : '';
      })
      .join('\n');
    const seen = new Set([...expectations.matchAll(/ (?:error|warning|info) ([a-z-]+): /g)].map((m) => m[1]));
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((code) => !seen.has(code));
    assert.deepEqual(missing, []);
  });

  it('every code reported is declared, with the declared severity', () => {
    const declared = new Map(Object.entries(DIAGNOSTIC_CODES));
    for (const f of fixtures('check')) {
      for (const line of checkFixture(f.text).split('\n').filter(Boolean)) {
        const [, severity, code] = /^\S+ (\w+) ([a-z-]+):/.exec(line)!;
        assert.equal(declared.get(code)?.severity, severity, `${f.name}: ${line}`);
      }
    }
  });
});
