// The pieces of `clvnb diff` that need no kernel: the migration matrix over customer ids and
// the rule changes between two segments blocks, read with the language core's parser.
import assert from 'node:assert/strict';
import { ABSENT, migrationMatrix } from '../../server/src/cli/diff/migration';
import { renderDiffMarkdown } from '../../server/src/cli/diff/render-markdown';
import { renderDiffText } from '../../server/src/cli/diff/render-text';
import { ruleChanges, segmentsBlocks } from '../../server/src/cli/diff/rule-changes';

describe('clvnb diff parts', () => {
  it('counts and sums customers moving between segments, matched by id', () => {
    const before = {
      labels: ['A', 'B'],
      customer: ['1', '2', '3', '4'],
      segment: ['A', 'A', 'B', 'B'],
      value: [10, 20, 30, 40],
    };
    const after = {
      labels: ['A', 'B', 'C'],
      customer: ['2', '1', '3', '5'],
      segment: ['B', 'A', 'C', 'C'],
      value: [21, 11, 31, 50],
    };
    const m = migrationMatrix(before, after);
    assert.deepEqual(m.from, ['A', 'B', ABSENT]);
    assert.deepEqual(m.to, ['A', 'B', 'C', ABSENT]);
    assert.deepEqual(m.counts, [
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 1, 0],
    ]);
    // Current values for customers still segmented; the last known value for one that left.
    assert.deepEqual(m.values, [
      [11, 21, 0, 0],
      [0, 0, 31, 40],
      [0, 0, 50, 0],
    ]);
    assert.equal(m.customers, 5);
    assert.equal(m.moved, 4);
    assert.equal(m.movedValue, 21 + 31 + 40 + 50);
  });

  it('lists changed, added, removed and moved rules by label', () => {
    const old = segmentsBlocks([
      'segments tiers on clv {\n  "Top"  when clv in top 10%\n  "Mid"  when clv   >  100\n  "Gone" when p_alive < 0.1\n  "Rest" otherwise\n}\n',
    ]).get('tiers')!;
    const now = segmentsBlocks([
      'segments tiers on clv {\n  "Mid"  when clv > 100\n  "Top"  when clv in top 20%\n  "New"  when frequency = 0\n  "Rest" otherwise\n}\n',
    ]).get('tiers')!;
    assert.deepEqual(ruleChanges(old, now), [
      { kind: 'moved', label: 'Mid', from: 2, to: 1 },
      { kind: 'changed', label: 'Top', before: 'clv in top 10%', after: 'clv in top 20%' },
      { kind: 'added', label: 'New', after: 'frequency = 0', position: 3 },
      { kind: 'removed', label: 'Gone', before: 'p_alive < 0.1' },
    ]);
  });

  it('reports no changes when only layout differs', () => {
    const a = segmentsBlocks(['segments s on clv {\n  "X" when clv > 1 and p_alive > 0.5\n  "Y" otherwise\n}']).get(
      's',
    )!;
    const b = segmentsBlocks([
      'segments s on clv {\n  "X"   when clv > 1  and  p_alive > 0.5 # why\n  "Y"   otherwise\n}',
    ]).get('s')!;
    assert.deepEqual(ruleChanges(a, b), []);
  });

  describe('rendering', () => {
    const before = {
      labels: ['A|B', 'Rest'],
      customer: ['1', '2', '3'],
      segment: ['A|B', 'Rest', 'Rest'],
      value: [1000, 2, 3],
    };
    const after = {
      labels: ['A|B', 'Rest'],
      customer: ['1', '2', '3'],
      segment: ['A|B', 'A|B', 'Rest'],
      value: [1000, 2.5, 3],
    };
    const report = {
      revision: 'main',
      snapshots: [],
      notebook: 'n.clvnb',
      segments: [
        {
          name: 'tiers',
          valueMetric: 'clv',
          status: 'compared' as const,
          rules: [{ kind: 'changed' as const, label: 'A|B', before: 'clv > 10', after: 'clv > 1' }],
          matrix: migrationMatrix(before, after),
        },
      ],
    };

    it('prints aligned plain-text matrices with totals', () => {
      assert.equal(
        renderDiffText(report),
        [
          'Rules: as at main (then) against the working tree (now).',
          'Data: the same on both sides (the files the notebook reads now).',
          '',
          'segments tiers on clv: 1 of 3 customers (33.3%) change segment, carrying 2.50 of predicted clv.',
          '  rules changed:',
          '    - "A|B" when clv > 10',
          '    + "A|B" when clv > 1',
          '  customers (rows: segment then (main), columns: segment now):',
          '    main \\ now  A|B  Rest  Total',
          '    A|B           1     0      1',
          '    Rest          1     1      2',
          '    Total         2     1      3',
          '  predicted clv:',
          '    main \\ now       A|B  Rest     Total',
          '    A|B         1,000.00  0.00  1,000.00',
          '    Rest            2.50  3.00      5.50',
          '    Total       1,002.50  3.00  1,005.50',
          '',
        ].join('\n'),
      );
    });

    it('escapes table-breaking characters in Markdown tables', () => {
      const markdown = renderDiffMarkdown(report);
      assert.ok(
        markdown.includes(
          '| then ↓ / now → | A\\|B | Rest | Total |\n| --- | ---: | ---: | ---: |\n| A\\|B | 1 | 0 | 1 |',
        ),
        markdown,
      );
      assert.ok(markdown.includes('```diff\n- "A|B" when clv > 10\n+ "A|B" when clv > 1\n```'));
    });
  });
});
