// Values and files that used to slip through or confuse the loader: non-finite and
// non-decimal amounts, placeholder dates, ids that are not UTF-8, blank or objects, duplicate
// header names, UTF-16 / semicolon / CR-only files, and messages that quoted without bound.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSource, readSchemaSync, type LoadedSource, type SourceSpec } from '../../server/src/data';
import { PLAUSIBLE_DATES } from '../../server/src/data/policy';
import { checkProgram } from '../../server/src/language';
import { notCustomer } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'clv-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${files++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

const spec = (path: string, over: Partial<SourceSpec> = {}): SourceSpec => ({
  path,
  format: 'csv',
  kind: 'transactions',
  mappings: [
    { role: 'customer', columns: ['customer'] },
    { role: 'date', columns: ['date'] },
    { role: 'amount', columns: ['amount'] },
  ],
  ...over,
});

const reasons = (l: LoadedSource) => l.report.rejected.map((g) => [g.reason, g.count, g.lines]);

describe('data: hostile values are rejected rows with reasons', () => {
  it('non-finite and non-decimal amounts are rejects, never values', async () => {
    const l = await loadSource(
      spec(
        file(
          'customer,date,amount\nA,2020-01-01,10\nB,2020-01-01,Infinity\nC,2020-01-01,NaN\nD,2020-01-01,1e309\n' +
            'E,2020-01-01,0x10\nF,2020-01-01,0b11\nG,2020-01-01,-inf\nH,2020-01-01,1e3\n',
        ),
      ),
    );
    assert.deepEqual(reasons(l), [
      ['non-finite amount (Infinity, NaN or beyond ±1.8e308)', 4, [3, 4, 5, 8]],
      ['amount is not a decimal number (hexadecimal, binary or octal)', 2, [6, 7]],
    ]);
    assert.deepEqual(l.kind === 'transactions' && [...l.log.amount!], [10, 1000]);
  });

  it('the same reasons from JSON lines', async () => {
    const l = await loadSource(
      spec(
        file(
          '{"customer":"A","date":"2020-01-01","amount":"0x10"}\n{"customer":"B","date":"2020-01-01","amount":"Infinity"}\n' +
            '{"customer":{"id":1},"date":"2020-01-01","amount":1}\n{"customer":"C","date":"2020-01-01","amount":2}\n',
          'jsonl',
        ),
        { format: 'json' },
      ),
    );
    assert.deepEqual(reasons(l), [
      ['amount is not a decimal number (hexadecimal, binary or octal)', 1, [1]],
      ['non-finite amount (Infinity, NaN or beyond ±1.8e308)', 1, [2]],
      ['customer is an object or a list, not text or a number', 1, [3]],
    ]);
  });

  it(`placeholder dates outside ${PLAUSIBLE_DATES.earliest} to ${PLAUSIBLE_DATES.latest} are rejects; the range is overridable`, async () => {
    const path = file('customer,date,amount\nA,0001-01-01,1\nB,9999-12-31,2\nC,2020-06-01,3\nD,1940-05-05,4\n');
    const l = await loadSource(spec(path));
    assert.deepEqual(reasons(l), [['date in date outside 1950-01-01 to 2099-12-31 (a placeholder?)', 3, [2, 3, 5]]]);
    const wider = await loadSource(spec(path, { plausibleDates: { earliest: '1900-01-01' } }));
    assert.deepEqual(reasons(wider), [['date in date outside 1900-01-01 to 2099-12-31 (a placeholder?)', 2, [2, 3]]]);
    assert.equal(wider.report.rows, 2);
  });

  it('ids: invalid UTF-8 is rejected (not collapsed into one "\\uFFFD" customer), quoted blanks are missing', async () => {
    const bytes = Buffer.concat([
      Buffer.from('customer,date,amount\n'),
      Buffer.from([0xff, 0x41]),
      Buffer.from(',2020-01-01,1\n'),
      Buffer.from([0xfe, 0x42]),
      Buffer.from(',2020-01-02,2\n"  ",2020-01-03,3\n" Z ",2020-01-04,4\nCafé,2020-01-05,5\n'),
    ]);
    const l = await loadSource(spec(file(bytes)));
    assert.deepEqual(reasons(l), [
      ['customer is not valid UTF-8', 2, [2, 3]],
      ['missing customer', 1, [4]],
    ]);
    assert.deepEqual(l.kind === 'transactions' && l.log.customerIds, ['Z', 'Café']);
    assert.equal(l.report.customersRead, 2);
  });

  it('counts customers every row of whom was rejected or filtered: read = kept + rejected + filtered', async () => {
    const path = file(
      'customer,date,amount\nA,2020-01-01,1\nB,2020-01-01,Infinity\nB,2020-01-02,NaN\nC,2020-01-01,2\nD,0001-01-01,3\n',
    );
    const l = await loadSource(spec(path, { filter: notCustomer('C') }));
    const r = l.report;
    assert.deepEqual([r.customersRead, r.customers, r.customersFiltered], [4, 1, 1]);
    assert.deepEqual(r.customersRejected, [
      { reason: 'non-finite amount (Infinity, NaN or beyond ±1.8e308)', count: 1 },
      { reason: 'date in date outside 1950-01-01 to 2099-12-31 (a placeholder?)', count: 1 },
    ]);
  });
});

describe('data: files that are not what they claim say what they are', () => {
  it('a duplicate header name is an error naming both positions', async () => {
    await assert.rejects(
      loadSource(spec(file('customer,date,amount,date\nA,2020-01-01,1,x\n'))),
      /The header names the column "date" twice, as column 2 and column 4/,
    );
  });

  it('UTF-16, semicolon-delimited and CR-only files: what was detected and what to write', async () => {
    const utf16 = file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('customer,date,amount\n', 'utf16le')]));
    await assert.rejects(loadSource(spec(utf16)), /UTF-16 text \(little-endian byte-order mark\); save it as UTF-8/);
    assert.throws(() => readSchemaSync(utf16, { format: 'csv' }), /UTF-16 text/);
    const semicolons = file('customer;date;amount\nA;2020-01-01;1\n');
    await assert.rejects(
      loadSource(spec(semicolons)),
      /its columns are: customer;date;amount\. Its first line is separated by semicolons \(3 fields\), not by the declared delimiter: write `delimiter semicolon` in the source block/,
    );
    assert.throws(() => readSchemaSync(semicolons, { format: 'csv' }), /write `delimiter semicolon`/);
    // The advice is an option the language reads as such (not a `role = column` mapping).
    const advice = /write `([^`]+)` in the source block/.exec(
      (await loadSource(spec(semicolons)).catch((e: Error) => e)).toString(),
    )![1];
    const checked = checkProgram([{ id: 'c', text: `source s = csv "x.csv" {\n  ${advice}\n}` }]).cell('c')!;
    assert.deepEqual(
      checked.diagnostics.filter((d) => d.range.start > 25),
      [],
      `\`${advice}\` checks clean in a source block`,
    );
    const crOnly = file('customer,date,amount\rA,2020-01-01,1\rB,2020-01-02,2\r');
    await assert.rejects(loadSource(spec(crOnly)), /carriage return alone \(classic Mac line ends\)/);
    assert.throws(() => readSchemaSync(crOnly, { format: 'csv' }), /carriage return alone/);
  });

  it('a missing column lists at most 20 names, each cut short ("and 9,980 more")', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `column_${i}_${'x'.repeat(60)}`);
    const error = await loadSource(spec(file(`${names.join(',')}\n`))).catch((e: Error) => e);
    assert.ok(error instanceof Error);
    assert.match(error.message, /and 9,980 more\.$/);
    assert.ok(error.message.length < 2000, `${error.message.length} characters`);
  });

  it('schema samples (hover, warnings) quote a short prefix of each value', () => {
    const secret = 'S'.repeat(5000);
    const schema = readSchemaSync(file(`customer,date,amount\n${secret},2020-01-01,1\n`), { format: 'csv' });
    assert.equal(schema.columns[0].samples[0], `${'S'.repeat(60)}…`);
  });
});
