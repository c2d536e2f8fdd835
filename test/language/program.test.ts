// The notebook-level API the kernel and language server use: symbols across cells, run order,
// dependents, symbol lookup by position, the schema callback, incremental re-checking.
import assert from 'node:assert/strict';
import {
  checkProgram,
  fingerprint,
  keywordsFor,
  LineIndex,
  METRICS,
  MODEL_KINDS,
  parseCell,
  ProgramChecker,
  type CellInput,
} from '../../server/src/language/index';

const cells: CellInput[] = [
  {
    id: 'segments',
    text: 'segments tiers on clv {\n  "Top" when clv in top 10%\n  "Rest" otherwise\n}\nchart bar of tiers by clv',
  },
  {
    id: 'models',
    text: 'model purchases = bgnbd(cal)\nmodel spend = gamma_gamma(cal)\nvalue clv = lifetime_value(purchases, spend)',
  },
  {
    id: 'data',
    text: 'source orders = csv "o.csv" {\n  customer = id\n  date     = day\n  amount   = total\n}\nsplit cal = orders until 1997-09-30',
  },
];

const names = (list: { defines?: string; statement: { kind: string } }[]) =>
  list.map((s) => s.defines ?? s.statement.kind);

describe('language program API', () => {
  it('resolves names across cells in any order and runs definitions after what they use', () => {
    const program = checkProgram(cells);
    assert.deepEqual(program.diagnostics, []);
    assert.deepEqual(names(program.runOrder), ['orders', 'cal', 'purchases', 'spend', 'clv', 'tiers', 'Chart']);
    assert.deepEqual(program.blocked, []);
    assert.equal(program.lookup('cal')?.cellId, 'data');
    assert.equal(program.lookup('cal')?.kind, 'split');
    assert.deepEqual(program.lookup('clv')?.dependencies, ['purchases', 'spend']);
  });

  it('blocks statements that depend on unknown names or cycles', () => {
    const program = checkProgram([
      ...cells,
      { id: 'bad', text: 'model a = bgnbd(b)\nmodel b = bgnbd(a)\nchart lorenz of nowhere' },
    ]);
    assert.deepEqual(names(program.blocked).sort(), ['Chart', 'a', 'b']);
  });

  it('finds references and the symbol under a position', () => {
    const program = checkProgram(cells);
    const refs = program.referencesTo('cal');
    const text = cells[1].text;
    const first = text.indexOf('(cal)') + 1;
    const second = text.indexOf('(cal)', first) + 1;
    assert.deepEqual(
      refs.map((r) => [r.cellId, { start: r.range.start, end: r.range.end }]),
      [
        ['models', { start: first, end: first + 3 }],
        ['models', { start: second, end: second + 3 }],
      ],
    );
    const at = program.symbolAt('models', 25);
    assert.equal(at?.name, 'cal');
    assert.equal(at?.role, 'definition');
    assert.equal(at?.definition?.cellId, 'data');
    const decl = program.symbolAt(
      'data',
      'source orders = csv "o.csv" {\n  customer = id\n  date     = day\n  amount   = total\n}\nsplit ca'.length,
    );
    assert.equal(decl?.role, 'declaration');
    assert.equal(decl?.name, 'cal');
    const metric = program.symbolAt('segments', 'segments tiers on clv {\n  "Top" when c'.length);
    assert.deepEqual([metric?.name, metric?.role], ['clv', 'metric']);
    const column = program.symbolAt('data', 'source orders = csv "o.csv" {\n  customer = i'.length);
    assert.deepEqual([column?.name, column?.role], ['id', 'column']);
  });

  it('checks column names against the schema callback, with did-you-mean data for quick fixes', () => {
    const program = checkProgram(cells, {
      schema: (s) => (s.name?.name === 'orders' ? [{ name: 'id' }, { name: 'day' }, { name: 'totals' }] : undefined),
    });
    const [d] = program.diagnostics;
    assert.equal(program.diagnostics.length, 1);
    assert.equal(d.code, 'unknown-column');
    assert.equal(d.cellId, 'data');
    assert.equal(d.message, 'no column `total` in source `orders`; did you mean `totals`?');
    assert.deepEqual(d.data, { replacement: 'totals', candidates: ['totals'] });
  });

  it('re-checks incrementally: unchanged cells keep their results, interface changes re-check everything', () => {
    const checker = new ProgramChecker();
    const first = checker.check(cells);
    const edited = [
      { ...cells[0], text: cells[0].text.replace('clv in top 10%', 'clv in top 20%') },
      cells[1],
      cells[2],
    ];
    const second = checker.check(edited);
    assert.equal(second.cell('models')!.parse, first.cell('models')!.parse, 'parse reused');
    assert.equal(second.cell('models')!.diagnostics.length, 0);
    // Renaming the split changes the interface: the models cell now has unknown names.
    const renamed = [
      cells[0],
      cells[1],
      { ...cells[2], text: cells[2].text.replace('split cal', 'split calibration') },
    ];
    const third = checker.check(renamed);
    assert.deepEqual(
      third.cell('models')!.diagnostics.map((d) => d.message),
      ['unknown name `cal`', 'unknown name `cal`'],
    );
    assert.deepEqual(checker.check(cells).diagnostics, []);
  });

  it('re-reads the schema after invalidate() (a data file changed)', () => {
    let columns = ['id', 'day', 'total'];
    const checker = new ProgramChecker({ schema: () => columns.map((name) => ({ name })) });
    assert.deepEqual(checker.check(cells).diagnostics, []);
    columns = ['id', 'day'];
    assert.deepEqual(checker.check(cells).diagnostics, [], 'cached until invalidated');
    checker.invalidate();
    assert.deepEqual(
      checker.check(cells).diagnostics.map((d) => d.message),
      ['no column `total` in source `orders`'],
    );
  });

  it('fingerprints statements by meaning, not position or layout', () => {
    const [a] = parseCell('segments s on clv {\n  "A" when clv > 1\n  "B" otherwise\n}').statements;
    const [b] = parseCell(
      '\n\n# moved and re-laid out\nsegments  s  on clv { \n"A"   when clv>1 # note\n"B" otherwise }',
    ).statements;
    const [c] = parseCell('segments s on clv {\n  "A" when clv > 2\n  "B" otherwise\n}').statements;
    assert.equal(fingerprint(a), fingerprint(b));
    assert.notEqual(fingerprint(a), fingerprint(c));
  });

  it('converts between offsets and positions', () => {
    const lines = new LineIndex('ab\ncd\r\nef');
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(8), { line: 2, character: 1 });
    assert.equal(lines.offsetAt({ line: 1, character: 1 }), 4);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 9);
    assert.equal(lines.lineCount, 3);
  });

  it('exposes the vocabulary for completion and hover', () => {
    assert.ok(METRICS.every((m) => m.description.length > 10));
    assert.ok(keywordsFor('statement').includes('segments'));
    assert.ok(keywordsFor('block:value').includes('discount'));
    assert.ok(keywordsFor('block:table').includes('where'));
    assert.deepEqual(
      MODEL_KINDS.find((m) => m.name === 'sbg')?.parameters.map((p) => p.name),
      ['alpha', 'beta'],
    );
  });
});
