// Property tests: the parser never throws and keeps every range inside the text, on random
// text, random token soup and mutations of the golden files (well over 10,000 cases per run
// in total); the formatter is idempotent and keeps the meaning on every parsable golden file
// and on generated programs; the checker never throws either.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkProgram,
  completionContext,
  formatCell,
  parseCell,
  printTree,
  type Range,
} from '../../server/src/language/index';
import { applyMutations, mutations, program, randomText, randomTokens } from './arbitraries';
import { fixtures, splitCells } from './golden';

const goldenCells = [...fixtures('parse'), ...fixtures('check'), ...fixtures('format')].flatMap((f) =>
  splitCells(f.text).cells.map((c) => c.text),
);

/** Every range in the parse result is inside the text, and every node's children inside the node. */
function assertRangesInside(text: string): void {
  const result = parseCell(text);
  const check = (r: Range, where: string) => {
    assert.ok(
      Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= text.length,
      `${where} ${JSON.stringify(r)} outside 0..${text.length}`,
    );
  };
  const visit = (value: unknown, parent: Range | undefined): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, parent));
    if (value === null || typeof value !== 'object') return;
    const node = value as Partial<Range> & { kind?: string };
    let inner = parent;
    if (node.kind && node.start !== undefined && node.end !== undefined) {
      const range = { start: node.start, end: node.end };
      check(range, node.kind);
      if (parent)
        assert.ok(
          parent.start <= range.start && range.end <= parent.end,
          `${node.kind} ${JSON.stringify(range)} outside its parent ${JSON.stringify(parent)}`,
        );
      inner = range;
    }
    for (const field of Object.values(node)) visit(field, inner);
  };
  visit(result.statements, undefined);
  for (const d of result.errors) check(d.range, d.code);
  for (const c of result.comments) check(c.range, 'comment');
  for (const t of result.tokens) check(t.range, 'token');
}

function sameMeaning(a: string, b: string): boolean {
  return (
    printTree(parseCell(a).statements, { ranges: false }) === printTree(parseCell(b).statements, { ranges: false })
  );
}

function assertFormatsWell(text: string): void {
  const formatted = formatCell(text);
  if (parseCell(text).errors.length) {
    assert.equal(formatted, text, 'text with parse errors is left unchanged');
    return;
  }
  assert.equal(parseCell(formatted).errors.length, 0, `formatted text parses:\n${formatted}`);
  assert.equal(formatCell(formatted), formatted, `idempotent:\n${formatted}`);
  assert.ok(sameMeaning(text, formatted), `same tree:\n${text}\n---\n${formatted}`);
  assert.equal(parseCell(formatted).comments.length, parseCell(text).comments.length, 'keeps every comment');
}

/**
 * The run plan partitions the statements: each runs after the definitions it needs, and a
 * statement is blocked exactly when it repeats a name or needs a name that is undefined or blocked.
 */
function assertRunPlan(result: ReturnType<typeof checkProgram>, cells: { id: string }[]): void {
  const statements = cells.flatMap((c) => result.cell(c.id)!.parse.statements);
  const planned = [...result.runOrder, ...result.blocked].map((info) => info.statement);
  assert.equal(planned.length, statements.length, 'every statement is planned once');
  assert.equal(new Set(planned).size, statements.length, 'no statement planned twice');
  const ranAt = new Map(result.runOrder.map((info, i) => [info.statement, i]));
  const blocked = new Set(result.blocked.map((info) => info.statement));
  const shouldBlock = (info: (typeof result.runOrder)[number]) =>
    (info.defines !== undefined && result.lookup(info.defines)?.statement !== info.statement) ||
    info.dependencies.some((name) => {
      const definition = result.lookup(name);
      return !definition || blocked.has(definition.statement);
    });
  result.runOrder.forEach((info, i) => {
    assert.ok(!shouldBlock(info), `runs although blocked: ${info.defines ?? info.statement.kind}`);
    for (const name of info.dependencies)
      assert.ok(ranAt.get(result.lookup(name)!.statement)! < i, `${name} runs before what needs it`);
  });
  for (const info of result.blocked) assert.ok(shouldBlock(info), `blocked without cause: ${info.defines}`);
}

describe('language properties', () => {
  it('parses random text without throwing, ranges inside the text (4,000 cases)', () => {
    fc.assert(
      fc.property(randomText, (text) => assertRangesInside(text)),
      { numRuns: 4000 },
    );
  });

  it('parses random token sequences without throwing, ranges inside the text (3,000 cases)', () => {
    fc.assert(
      fc.property(randomTokens, (text) => assertRangesInside(text)),
      { numRuns: 3000 },
    );
  });

  it('parses mutated golden cells without throwing, ranges inside the text (4,000 cases)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...goldenCells), mutations, (text, ms) =>
        assertRangesInside(applyMutations(text, ms)),
      ),
      { numRuns: 4000 },
    );
  });

  it('answers completion requests anywhere in mutated cells without throwing (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...goldenCells), mutations, fc.nat(), (text, ms, at) => {
        const mutated = applyMutations(text, ms);
        const offset = at % (mutated.length + 1);
        const { replace } = completionContext(mutated, offset);
        assert.ok(replace.start <= replace.end && replace.end === offset);
      }),
      { numRuns: 2000 },
    );
  });

  it('checks mutated notebooks without throwing (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.subarray(goldenCells, { minLength: 1, maxLength: 4 }), mutations, (cells, ms) => {
        const mutated = cells.map((text, i) => ({ id: `c${i}`, text: i === 0 ? applyMutations(text, ms) : text }));
        const result = checkProgram(mutated);
        for (const d of result.diagnostics) {
          const text = mutated.find((c) => c.id === d.cellId)!.text;
          assert.ok(
            0 <= d.range.start && d.range.start <= d.range.end && d.range.end <= text.length,
            `${d.code} ${JSON.stringify(d.range)}`,
          );
        }
        assertRunPlan(result, mutated);
      }),
      { numRuns: 1000 },
    );
  });

  it('formats every golden cell idempotently and without changing its meaning', () => {
    for (const text of goldenCells) assertFormatsWell(text);
  });

  it('formats generated programs idempotently and without changing their meaning (1,500 cases)', () => {
    fc.assert(
      fc.property(program, (text) => {
        assert.equal(
          parseCell(text).errors.length,
          0,
          `generated program parses:\n${text}\n${JSON.stringify(parseCell(text).errors)}`,
        );
        assertFormatsWell(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('formats mutated golden cells that still parse idempotently and without changing their meaning (1,500 cases)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...goldenCells), mutations, (text, ms) =>
        assertFormatsWell(applyMutations(text, ms)),
      ),
      { numRuns: 1500 },
    );
  });
});
