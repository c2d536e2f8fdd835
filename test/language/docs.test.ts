// Every ```clv block in docs/*.md is checked, so the documentation cannot drift from the
// language: a page's plain blocks (and ```clv server blocks, which only a database server could
// run, and ```clv later blocks, a later notebook that reads what the page's notebook writes), as
// the cells of one notebook, have no diagnostics at all;
// each ```clv error block, added to them as one more cell, has exactly the diagnostics its
// `# error: CODE` comments announce, on those lines.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProgram, DIAGNOSTIC_CODES, formatCell, METRICS, type CellInput } from '../../server/src/language/index';
import { formatDiagnostic } from './golden';
import { docsDir, examples, pages } from './docs-examples';

describe('language docs examples', () => {
  for (const page of pages) {
    const all = examples(readFileSync(join(docsDir, page), 'utf8'));
    if (!all.length) continue;
    // `clv server` examples need a database server to run, `clv later` ones the files a first
    // run writes; both are checked like the others.
    const valid = all.filter((e) => ['', 'server', 'later'].includes(e.info));
    const cells: CellInput[] = valid.map((e) => ({ id: `${page}:${e.line}`, text: e.text }));

    describe(page, () => {
      it(`its ${valid.length} examples check as one notebook without diagnostics`, () => {
        const program = checkProgram(cells);
        const found = program.cells.flatMap((c) => c.diagnostics.map((d) => `${c.id} ${formatDiagnostic(d, c.lines)}`));
        assert.deepEqual(found, []);
      });

      for (const example of all.filter((e) => e.info === 'error')) {
        it(`the error example at line ${example.line} reports what it announces`, () => {
          const program = checkProgram([...cells, { id: 'example', text: example.text }]);
          const cell = program.cell('example')!;
          const actual = cell.diagnostics.map((d) => `${cell.lines.positionAt(d.range.start).line + 1} ${d.code}`);
          const expected = example.text
            .split('\n')
            .flatMap((line, i) => [...line.matchAll(/# error: ([a-z-]+)/g)].map((m) => `${i + 1} ${m[1]}`));
          assert.ok(expected.length > 0, 'an error example must announce its diagnostics with `# error: CODE`');
          assert.deepEqual(actual, expected);
        });
      }

      if (page === 'language.md') {
        it('its table of metrics lists every metric with its type', () => {
          const rows = readFileSync(join(docsDir, page), 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('| `'));
          for (const metric of METRICS) {
            const name = metric.aliasOf ?? metric.name;
            const row = rows.find((r) => r.startsWith(`| \`${name}\``));
            assert.ok(
              row?.includes(`\`${metric.name}\``) && row.includes(`| ${metric.type} |`),
              `metric ${metric.name} (${metric.type})`,
            );
          }
        });

        it('its table of diagnostic codes lists exactly the codes the checker declares, with their severities', () => {
          const table = [
            ...readFileSync(join(docsDir, page), 'utf8').matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gm),
          ].map((m) => `${m[1]} ${m[2]}`);
          assert.deepEqual(
            table.sort(),
            Object.entries(DIAGNOSTIC_CODES)
              .map(([code, d]) => `${code} ${d.severity}`)
              .sort(),
          );
        });

        it('its examples are laid out as the formatter lays them out (the reference shows the canonical style)', () => {
          for (const example of all)
            assert.equal(formatCell(example.text), example.text, `example at line ${example.line}`);
        });
      }

      for (const example of all.filter((e) => !['', 'server', 'later', 'error'].includes(e.info))) {
        it(`the example at line ${example.line} has a known info string`, () =>
          assert.fail(`unknown info string \`clv ${example.info}\``));
      }
    });
  }
});
