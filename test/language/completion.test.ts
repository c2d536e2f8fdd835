// completionContext: what may be written at the cursor (marked `|`), on half-typed text.
import assert from 'node:assert/strict';
import { completionContext, type CompletionContext } from '../../server/src/language/index';

function at(marked: string): CompletionContext {
  const offset = marked.indexOf('|');
  return completionContext(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

const expectOf = (marked: string) => at(marked).expect;

describe('language completion context', () => {
  const cases: [string, unknown][] = [
    ['|', [{ kind: 'keywords', context: 'statement' }]],
    ['mo|', [{ kind: 'keywords', context: 'statement' }]],
    ['model m = |', [{ kind: 'keywords', context: 'model-kind' }]],
    ['model m = bg|', [{ kind: 'keywords', context: 'model-kind' }]],
    ['model m = bgnbd(|', [{ kind: 'definitions', kinds: ['split', 'source'] }]],
    ['model m = sbg(ret|', [{ kind: 'definitions', kinds: ['source'] }]],
    ['value v = lifetime_value(p, |)', [{ kind: 'definitions', kinds: ['model'] }]],
    ['source s = |', [{ kind: 'keywords', context: 'format' }]],
    ['split cal = orders until 1997-09-30, |', [{ kind: 'words', words: ['holdout', 'in'] }]],
    ['split cal = orders until 1997-09-30, in |', [{ kind: 'keywords', context: 'unit' }]],
    ['segments s on |', [{ kind: 'definitions', kinds: ['value', 'model'] }]],
    ['chart |', [{ kind: 'keywords', context: 'chart-kind' }]],
    ['chart survival of |', [{ kind: 'definitions', kinds: ['model'] }]],
    ['chart scatter of clv by frequency, |', [{ kind: 'keywords', context: 'metric' }]],
    ['export |', [{ kind: 'definitions', kinds: ['segments', 'table', 'value', 'model'] }]],
    ['compare |', [{ kind: 'definitions', kinds: ['model'] }]],
    ['compare bg, pn|', [{ kind: 'definitions', kinds: ['model'] }]],
    ['segments s on clv {\n  "A" |', [{ kind: 'keywords', context: 'segment-rule' }]],
    [
      'segments s on clv {\n  "A" when |',
      [
        { kind: 'keywords', context: 'metric' },
        { kind: 'words', words: ['not', 'percentile'] },
      ],
    ],
    ['segments s on clv {\n  "A" when clv |', [{ kind: 'keywords', context: 'condition' }]],
    ['segments s on clv {\n  "A" when clv in |', [{ kind: 'words', words: ['top', 'bottom'] }]],
    [
      'segments s on clv {\n  "A" when recency < 4 |',
      [
        { kind: 'keywords', context: 'unit' },
        { kind: 'words', words: ['and', 'or'] },
      ],
    ],
    ['value v = lifetime_value(p, s) {\n  |\n}', [{ kind: 'keywords', context: 'block:value' }]],
    [
      'value v = lifetime_value(p, s) {\n  horizon 12 |',
      [
        { kind: 'keywords', context: 'unit' },
        { kind: 'keywords', context: 'block:value' },
      ],
    ],
    [
      'value v = lifetime_value(p, s) {\n  discount 10% |',
      [
        { kind: 'words', words: ['per'] },
        { kind: 'keywords', context: 'block:value' },
      ],
    ],
    ['value v = lifetime_value(p, s) {\n  discount 10% per |', [{ kind: 'keywords', context: 'unit' }]],
    ['model m = bgnbd(c) { penalty 1  max|', [{ kind: 'keywords', context: 'block:model', role: 'purchase' }]],
    ['model m = sbg(c) {\n  |', [{ kind: 'keywords', context: 'block:model', role: 'retention' }]],
    ['model m = weibull(c) {\n  |', [{ kind: 'keywords', context: 'block:model' }]],
    ['connection c = |', [{ kind: 'keywords', context: 'engine' }]],
    ['connection c = postgres |', [{ kind: 'keywords', context: 'url-source' }]],
    [
      'source s = csv "a.csv" {\n  |',
      [
        { kind: 'keywords', context: 'block:source' },
        { kind: 'keywords', context: 'role' },
      ],
    ],
    ['source s = csv "a.csv" {\n  customer = |', [{ kind: 'columns', source: 's' }]],
    ['source s = csv "a.csv" {\n  date = day as |', [{ kind: 'words', words: ['ISO', 'YYYYMMDD'] }]],
    [
      'source s = csv "a.csv" {\n  where |',
      [
        { kind: 'columns', source: 's' },
        { kind: 'words', words: ['not', 'percentile'] },
      ],
    ],
    ['source s = csv "a.csv" {\n  header |', [{ kind: 'words', words: ['true', 'false'] }]],
    [
      'table t = clv {\n  sort clv |',
      [
        { kind: 'words', words: ['asc', 'desc'] },
        { kind: 'keywords', context: 'block:table' },
      ],
    ],
    ['table t = clv {\n  columns customer, |', [{ kind: 'keywords', context: 'metric' }]],
    ['export tiers to "out/t.csv" {\n  |', [{ kind: 'keywords', context: 'block:export' }]],
    ['export tiers to "out/t.csv" { spreadsheet_safe |', [{ kind: 'words', words: ['true', 'false'] }]],
    ['model m = bgnbd(c) {\n  penalty 1\n}\n|', [{ kind: 'keywords', context: 'statement' }]],
  ];
  for (const [marked, expected] of cases) {
    it(JSON.stringify(marked), () => assert.deepEqual(expectOf(marked), expected));
  }

  it('replaces the part of the word already typed', () => {
    assert.deepEqual(at('model m = bg|').replace, { start: 10, end: 12 });
    assert.deepEqual(at('model m = |').replace, { start: 10, end: 10 });
  });
});
