// The id hash table against a Map: same id ⇔ same code, first-appearance order, for short
// (packed) and long (pooled) ids, digits with and without zero padding, and UTF-8.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdInterner } from '../../server/src/data/id-interner';

function codes(ids: string[]): { codes: number[]; table: string[] } {
  const interner = new IdInterner();
  const out = ids.map((id) => {
    const bytes = Buffer.from(id, 'utf8');
    return interner.codeOf(bytes, 0, bytes.length, (s, e) => bytes.toString('utf8', s, e));
  });
  return { codes: out, table: interner.ids };
}

describe('data: id interner', () => {
  it('gives equal ids equal codes, in order of first appearance (property, against a Map)', () => {
    const id = fc.oneof(
      fc.string({ minLength: 1, maxLength: 4 }),
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.stringMatching(/^0*\d{1,9}$/),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        const expected = new Map<string, number>();
        for (const s of ids) if (!expected.has(s)) expected.set(s, expected.size);
        const { codes: got, table } = codes(ids);
        assert.deepEqual(
          got,
          ids.map((s) => expected.get(s)),
        );
        assert.deepEqual(table, [...expected.keys()]);
      }),
    );
  });

  it('keeps zero-padded, long and non-ASCII ids apart across table growth', () => {
    const ids = Array.from(
      { length: 50_000 },
      (_, i) => [String(i), String(i).padStart(5, '0'), `customer-${i}-ünïcode`][i % 3],
    );
    const { codes: got, table } = codes([...ids, ...ids]);
    assert.equal(table.length, 50_000);
    assert.deepEqual(got.slice(50_000), got.slice(0, 50_000));
    assert.deepEqual(table, ids);
  });
});
