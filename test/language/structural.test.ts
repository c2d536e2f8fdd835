// Structural fuzzing: conditions nested thousands of levels deep (parentheses, `not`, long
// `and`/`or` chains, in any mix) and chains and cycles of thousands of definitions. Parsing,
// checking, formatting and ordering must never overflow the stack: a condition deeper than
// MAX_CONDITION_DEPTH is one `condition-too-deep` error, and a cycle of any length is
// reported on each of its members. 300 + 40 generated notebooks per run.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProgram, dependenciesFirst, formatCell, parseCell } from '../../server/src/language/index';
import { MAX_CONDITION_DEPTH } from '../../server/src/language/parser/expressions';

const PRELUDE = `source orders = csv "orders.csv" {
  customer = id
  date     = day
  amount   = total
}
split cal = orders until 1997-09-30
model purchases = bgnbd(cal)
model spend = gamma_gamma(cal)
value clv = lifetime_value(purchases, spend)
`;

type Top = 'atom' | 'paren' | 'not' | 'and' | 'or';
interface Built {
  text: string;
  depth: number;
  top: Top;
}
type Layer = { kind: 'paren' | 'not' | 'and' | 'or'; count: number };

const TERM = 'p_alive > 0.5';

/** Wraps a condition in `count` layers of one kind, tracking the depth the parser should see. */
function wrap(built: Built, { kind, count }: Layer): Built {
  const grouped = (b: Built): Built => ({ text: `(${b.text})`, depth: b.depth + 1, top: 'paren' });
  switch (kind) {
    case 'paren':
      return { text: '('.repeat(count) + built.text + ')'.repeat(count), depth: built.depth + count, top: 'paren' };
    case 'not': {
      // `not a and b` is `(not a) and b`: a chain under `not` needs its parentheses.
      const operand = built.top === 'and' || built.top === 'or' ? grouped(built) : built;
      return { text: 'not '.repeat(count) + operand.text, depth: operand.depth + count, top: 'not' };
    }
    case 'and':
    case 'or': {
      // Extending a chain of the same operator keeps it one left-leaning chain; `or` under `and` needs parentheses.
      const left = built.top === 'and' || built.top === 'or' ? (built.top === kind ? built : grouped(built)) : built;
      return { text: left.text + ` ${kind} ${TERM}`.repeat(count), depth: left.depth + count, top: kind };
    }
  }
}

const layer = fc.record({
  kind: fc.constantFrom<Layer['kind']>('paren', 'not', 'and', 'or'),
  count: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 200, max: 1500 })),
});
const condition = fc
  .array(layer, { minLength: 1, maxLength: 4 })
  .map((layers) => layers.reduce(wrap, { text: TERM, depth: 0, top: 'atom' }));

const depthErrors = (text: string) => parseCell(text).errors.filter((e) => e.code === 'condition-too-deep');

describe('structural fuzzing: deep conditions, long chains and cycles', () => {
  it('reports a condition deeper than the limit once, parses and checks the rest (300 cases)', () => {
    fc.assert(
      fc.property(condition, (c) => {
        const cell = `${PRELUDE}segments tiers on clv {\n  "deep" when ${c.text}\n  "rest" otherwise\n}\n`;
        const tooDeep = c.depth > MAX_CONDITION_DEPTH;
        assert.equal(depthErrors(cell).length, tooDeep ? 1 : 0, `depth ${c.depth}`);
        const program = checkProgram([{ id: 'c1', text: cell }]);
        const errors = program.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
        assert.deepEqual(errors, tooDeep ? ['condition-too-deep'] : [], `depth ${c.depth}`);
        const formatted = formatCell(cell);
        if (!tooDeep) assert.equal(parseCell(formatted).errors.length, 0);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a condition at exactly the limit as fine and one level more as too deep', () => {
    const at = (depth: number) =>
      `segments s on clv {\n  "a" when ${'('.repeat(depth)}${TERM}${')'.repeat(depth)}\n}\n`;
    assert.equal(depthErrors(at(MAX_CONDITION_DEPTH)).length, 0);
    const [error] = depthErrors(at(MAX_CONDITION_DEPTH + 1));
    assert.equal(error.range.start, 'segments s on clv {\n  "a" when '.length);
    assert.equal(parseCell(at(MAX_CONDITION_DEPTH + 1)).errors.length, 1, 'no consequential errors');
  });

  const definitions = fc.record({
    length: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1000, max: 4000 })),
    cyclic: fc.boolean(),
    kind: fc.constantFrom('table', 'segments'),
  });

  it('checks and orders chains and cycles of thousands of definitions (40 cases)', () => {
    fc.assert(
      fc.property(definitions, ({ length, cyclic, kind }) => {
        // d0 reads d1 reads … d(n-1), which reads d0 (a cycle) or the value `clv` (a chain).
        const last = cyclic ? 'd0' : 'clv';
        const define = (i: number) => {
          const target = i === length - 1 ? last : `d${i + 1}`;
          return kind === 'table' ? `table d${i} = ${target}` : `segments d${i} on ${target} {\n  "all" otherwise\n}`;
        };
        const cells = [
          { id: 'c0', text: PRELUDE },
          { id: 'c1', text: Array.from({ length }, (_, i) => define(i)).join('\n') + '\n' },
        ];
        const program = checkProgram(cells);
        const cyclicErrors = program.diagnostics.filter((d) => d.code === 'cyclic-definition');
        assert.equal(cyclicErrors.length, cyclic ? length : 0);
        for (const e of cyclicErrors) assert.ok(e.message.length < 300, 'a long cycle is named by its ends');
        const ordered = program.runOrder.map((s) => s.defines);
        if (cyclic) assert.equal(program.blocked.length, length);
        else assert.equal(ordered.indexOf(`d${length - 1}`), ordered.indexOf('d0') - length + 1, 'dependencies first');

        // The kernel's walk over the same statements, cycle or not: every node once, the root last.
        const reads = new Map([...program.runOrder, ...program.blocked].map((s) => [s.defines!, s.dependencies]));
        const order = dependenciesFirst(['d0'], (id) => reads.get(id)!.filter((d) => reads.has(d)));
        assert.equal(order.at(-1), 'd0');
        assert.equal(new Set(order).size, order.length);
        assert.equal(order.length, cyclic ? length : length + 5, 'the chain and the prelude it reads');
      }),
      { numRuns: 40 },
    );
  });

  it('reports 30,000 duplicate definitions in one cell, each once (a quadratic check would time out)', () => {
    const cell = Array.from({ length: 30_000 }, () => 'table t = clv').join('\n');
    const program = checkProgram([
      { id: 'c0', text: PRELUDE },
      { id: 'c1', text: cell },
    ]);
    assert.equal(program.diagnostics.filter((d) => d.code === 'duplicate-definition').length, 29_999);
  });
});
