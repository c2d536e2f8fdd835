import assert from 'node:assert/strict';
import { checkProgram } from '../../server/src/language/index';
import { DefinitionGraph, dependenciesFirst } from '../../server/src/language/graph';

describe('dependency graph', () => {
  const deps: Record<string, string[]> = {
    chart: ['clv'],
    orders: [],
    cal: ['orders'],
    purchases: ['cal'],
    spend: ['cal'],
    clv: ['purchases', 'spend'],
    other: ['orders'],
  };
  const reads = (id: string) => deps[id];

  it('orders dependencies first and only what the roots need', () => {
    assert.deepEqual(dependenciesFirst(['chart'], reads), ['orders', 'cal', 'purchases', 'spend', 'clv', 'chart']);
    assert.deepEqual(dependenciesFirst(['cal', 'other'], reads), ['orders', 'cal', 'other']);
  });

  it('walks a cycle once, the root last', () => {
    const cyclic: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'] };
    assert.deepEqual(
      dependenciesFirst(['a'], (id) => cyclic[id]),
      ['c', 'b', 'a'],
    );
  });

  it('has an edge to each defined name a first definition reads, and finds its cycles', () => {
    const program = checkProgram([
      {
        id: 'c',
        text: [
          'source orders = csv "o.csv" {\n  customer = id\n  date = day\n}',
          'split cal = orders until 1997-09-30',
          'model m = bgnbd(cal)',
          'table t = nowhere',
          'table a = b',
          'table b = a',
          'table self = self',
          'model m = bgnbd(self)',
        ].join('\n'),
      },
    ]);
    const graph = new DefinitionGraph(program.definitions);
    assert.deepEqual(graph.reads('m'), ['cal'], 'the first definition of m');
    assert.deepEqual(graph.reads('t'), [], 'an undefined name is no edge');
    assert.equal(graph.has('nowhere'), false);
    assert.deepEqual(
      graph
        .cycles()
        .map((c) => c.sort())
        .sort(),
      [['a', 'b'], ['self']],
    );
    assert.deepEqual(graph.cyclePaths(['a', 'b'])('a'), ['a', 'b', 'a']);
  });
});
