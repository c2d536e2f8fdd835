// `writeName`: how `clvnb new` and `clvnb columns` write a column's name. Whatever the name,
// the written text reads back, in a source's mapping, as exactly that name; bare when it can be.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  canQuote,
  parseCell,
  writeName,
  type MappingItem,
  type SourceStatement,
} from '../../server/src/language/index';

/** The column name a mapping `customer = TEXT` reads, and the cell's parse errors. */
function readBack(text: string): { name: string | undefined; errors: string[] } {
  const parsed = parseCell(`source s = csv "f.csv" {\n  customer = ${text}\n  date = d\n}\n`);
  const source = parsed.statements[0] as SourceStatement;
  const mapping = source.block?.items.find((i): i is MappingItem => i.kind === 'Mapping');
  return { name: mapping?.columns[0]?.name, errors: parsed.errors.map((e) => e.message) };
}

describe('writeName', () => {
  it('writes words bare and everything else quoted', () => {
    assert.deepEqual(
      ['order_date', 'Größe', 'where', 'Order Date', 'true', 'false', '2024', 'a-b', 'x"y', 'a\\b', 'a#b', ''].map(
        writeName,
      ),
      [
        'order_date',
        'Größe',
        'where',
        '"Order Date"',
        '"true"',
        '"false"',
        '"2024"',
        '"a-b"',
        '"x\\"y"',
        '"a\\\\b"',
        '"a#b"',
        '""',
      ],
    );
  });

  it('reads back as the same name in a mapping, for any name without a line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }).filter(canQuote), (name) => {
        const back = readBack(writeName(name));
        assert.deepEqual(back, { name, errors: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('cannot quote a line break', () => {
    assert.equal(canQuote('Customer\nID'), false);
    assert.equal(canQuote('Order\rDate'), false);
    assert.equal(canQuote('Order Date'), true);
  });
});
