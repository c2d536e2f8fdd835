// Property test: a `ProgramChecker` that re-checks a notebook after each of a series of random
// edits (a cell's text replaced or mutated, cells inserted, deleted, moved or copied) answers
// exactly what a check of the same cells from scratch answers: diagnostics, definitions, run
// order, blocked statements and references.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkProgram,
  ProgramChecker,
  type CellInput,
  type CheckOptions,
  type ProgramResult,
  type StatementInfo,
} from '../../server/src/language/index';
import { applyMutations, mutations, program } from './arbitraries';
import { fixtures, splitCells } from './golden';

const goldenCells = fixtures('check').flatMap((f) => splitCells(f.text).cells.map((c) => c.text));

/**
 * A notebook's cells in variants that differ in what other cells' checks read of them (labels, a
 * horizon, intervals, a holdout, roles, kinds): switching a cell to another variant changes other
 * cells' diagnostics, which edits of generated programs rarely do.
 */
const variants: string[][] = [
  [
    'source orders = csv "o.csv" {\n  customer = id\n  date = day\n  amount = total\n}',
    'source orders = csv "o.csv" {\n  customer = id\n  date = day\n}',
    'source orders = csv "o.csv" {\n  customer = id\n  frequency = f\n  recency = r\n  T = t\n}',
  ],
  [
    'split cal = orders until 1997-09-30',
    'split cal = orders until 1997-09-30, holdout until 1998-06-30',
    'split cal = orders until 1997-09-30, in months',
    'table cal = clv',
  ],
  [
    'model purchases = bgnbd(cal)',
    'model purchases = bgnbd(cal) {\n  horizon 12 months\n}',
    'model purchases = pareto_nbd(cal) {\n  intervals 90%\n}',
    'model purchases = gamma_gamma(cal)',
    'model purchases = bgnbd(u)',
  ],
  ['model spend = gamma_gamma(cal)', 'model spend = bgnbd(cal)'],
  ['model other = mbgnbd(cal)\ncompare purchases, other', 'model other = mbgnbd(orders)\ncompare purchases, other'],
  ['value clv = lifetime_value(purchases, spend)', 'value clv = lifetime_value(spend, purchases)'],
  [
    'segments tiers on clv {\n  "A" when clv > 1\n  "B" otherwise\n}',
    'segments tiers on clv {\n  "B" otherwise\n}',
    'segments tiers on purchases {\n  "A" when p_alive > 50%\n  "B" otherwise\n}',
  ],
  ['table t = tiers {\n  where segment = "A"\n}', 'table t = tiers {\n  where segment = "B" and recency > 2 months\n}'],
  [
    'table u = purchases {\n  columns customer, expected_purchases, p_alive_low, holdout_purchases\n}',
    'table u = purchases {\n  columns customer, expected_purchases, p_alive\n}',
  ],
  ['chart lorenz of clv\nexport tiers to "out/tiers.csv"'],
];
const variantCell = fc.constantFrom(...variants).chain((v) => fc.constantFrom(...v));

/** A notebook of one variant of each cell, in any order. */
const variantNotebook = fc
  .tuple(...variants.map((v) => fc.constantFrom(...v)))
  .chain((texts) => fc.shuffledSubarray(texts, { minLength: texts.length }));

const cellText = fc.oneof(
  { arbitrary: variantCell, weight: 6 },
  { arbitrary: program, weight: 1 },
  { arbitrary: fc.constantFrom(...goldenCells), weight: 1 },
);

type Edit =
  | { kind: 'set'; at: number; text: string }
  | { kind: 'mutate'; at: number; mutations: Parameters<typeof applyMutations>[1] }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'copy'; at: number; to: number }
  | { kind: 'variant'; at: number; to: number };

const at = fc.nat(20);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('variant' as const), at, to: at }), weight: 4 },
  fc.record({ kind: fc.constant('set' as const), at, text: cellText }),
  fc.record({ kind: fc.constant('mutate' as const), at, mutations }),
  fc.record({ kind: fc.constant('insert' as const), at, text: cellText }),
  fc.record({ kind: fc.constant('delete' as const), at }),
  fc.record({ kind: fc.constant('move' as const), at, to: at }),
  fc.record({ kind: fc.constant('copy' as const), at, to: at }),
);

let nextId = 0;
function applyEdit(cells: CellInput[], e: Edit): CellInput[] {
  const result = [...cells];
  const i = result.length ? e.at % result.length : 0;
  switch (e.kind) {
    case 'set':
      if (result.length) result[i] = { id: result[i].id, text: e.text };
      break;
    case 'mutate':
      if (result.length) result[i] = { id: result[i].id, text: applyMutations(result[i].text, e.mutations) };
      break;
    case 'insert':
      result.splice(e.at % (result.length + 1), 0, { id: `new${nextId++}`, text: e.text });
      break;
    case 'delete':
      result.splice(i, 1);
      break;
    case 'move':
      if (result.length) result.splice(e.to % result.length, 0, ...result.splice(i, 1));
      break;
    case 'variant': {
      const of = variants.find((v) => v.includes(result[i]?.text));
      if (of) result[i] = { id: result[i].id, text: of[(of.indexOf(result[i].text) + 1 + e.to) % of.length] };
      break;
    }
    case 'copy':
      if (result.length) result.splice(e.to % (result.length + 1), 0, { id: `new${nextId++}`, text: result[i].text });
      break;
  }
  return result;
}

/** A check's answers as plain data: statements by their cell and position, ranges as offsets. */
function answers(result: ProgramResult) {
  const statement = (info: StatementInfo) => ({
    cellId: info.cellId,
    index: result.cell(info.cellId)!.parse.statements.indexOf(info.statement),
    defines: info.defines,
    dependencies: info.dependencies,
  });
  return {
    cells: result.cells.map((c) => ({ id: c.id, text: c.text, diagnostics: c.diagnostics })),
    diagnostics: result.diagnostics,
    definitions: [...result.definitions].map(([name, infos]) => ({
      name,
      definitions: infos.map((d) => ({
        cellId: d.cellId,
        kind: d.kind,
        name: [d.nameRange.start, d.nameRange.end],
        dependencies: d.dependencies,
      })),
    })),
    runOrder: result.runOrder.map(statement),
    blocked: result.blocked.map(statement),
    references: result.references.map((r) => ({
      name: r.name,
      cellId: r.cellId,
      range: [r.range.start, r.range.end],
      role: r.role,
      target: r.target && { cellId: r.target.cellId, start: r.target.nameRange.start },
    })),
  };
}

/** Every source has the columns the generated programs and golden files map, so column checks run too. */
const schema: CheckOptions['schema'] = () => [
  { name: 'id', type: 'string' },
  { name: 'day', type: 'date' },
  { name: 'total', type: 'number' },
];

describe('incremental checking', () => {
  it('re-checks after random edits exactly as a check from scratch does (300 notebooks)', () => {
    fc.assert(
      fc.property(
        fc.oneof(variantNotebook, fc.array(cellText, { minLength: 1, maxLength: 8 })),
        fc.array(edit, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        (texts, edits, withSchema) => {
          const options: CheckOptions = withSchema ? { schema } : {};
          const checker = new ProgramChecker(options);
          let cells: CellInput[] = texts.map((text, i) => ({ id: `c${i}`, text }));
          checker.check(cells);
          for (const e of edits) {
            cells = applyEdit(cells, e);
            assert.deepEqual(
              answers(checker.check(cells)),
              answers(checkProgram(cells, options)),
              `after ${e.kind} ${e.at}`,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
