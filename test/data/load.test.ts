// The data layer on real files: the CDNOW sample as whitespace text, CSV with a header,
// rejects with reasons and lines, filters, and the errors for a missing file or column.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dateParser, daysFromCivil, loadSource, type SourceSpec } from '../../server/src/data';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cdnow = join(repoRoot, '..', 'shared', 'data', 'cdnow', 'CDNOW_sample.txt');

const cdnowSpec = (over: Partial<SourceSpec> = {}): SourceSpec => ({
  path: cdnow,
  format: 'text',
  kind: 'transactions',
  header: false,
  columns: ['master_id', 'sample_id', 'date', 'cds', 'sales'],
  mappings: [
    { role: 'customer', columns: ['master_id'] },
    { role: 'date', columns: ['date'], format: 'YYYYMMDD' },
    { role: 'amount', columns: ['sales'] },
  ],
  ...over,
});

describe('data: loadSource', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'clv-data-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the CDNOW sample into typed columns', async () => {
    const s = await loadSource(cdnowSpec());
    assert.equal(s.kind, 'transactions');
    if (s.kind !== 'transactions') return;
    assert.equal(s.report.rowsRead, 6919);
    assert.deepEqual(s.report.rejected, []);
    assert.equal(s.log.rows, 6919);
    assert.equal(s.log.customerIds.length, 2357);
    assert.equal(s.log.customerIds[0], '00004');
    assert.equal(s.log.time[0], daysFromCivil(1997, 1, 1));
    assert.equal(s.log.amount![0], 29.33);
    assert.ok(s.log.customer instanceof Int32Array && s.log.time instanceof Float64Array);
  });

  it('rejects rows it cannot read, with the reason and first lines', async () => {
    const file = join(dir, 'orders.csv');
    writeFileSync(file, 'id,day,amount\r\na,2020-01-01,10\r\nb,2020-02-30,5\r\n,2020-01-02,1\r\nc,2020-01-03,x\r\nd,01/02/2020,3\r\n\r\n"e, inc",2020-01-04,"2.5"\r\n');
    const s = await loadSource({ path: file, format: 'csv', kind: 'transactions', mappings: [{ role: 'customer', columns: ['id'] }, { role: 'date', columns: ['day'] }, { role: 'amount', columns: ['amount'] }] });
    if (s.kind !== 'transactions') throw new Error(s.kind);
    assert.equal(s.report.rowsRead, 6);
    assert.deepEqual(s.log.customerIds, ['a', 'e, inc']);
    assert.deepEqual([...s.log.amount!], [10, 2.5]);
    assert.deepEqual(s.report.rejected, [
      { reason: 'malformed date in day (expected ISO YYYY-MM-DD)', count: 2, lines: [3, 6], examples: [{ line: 3, text: 'b,2020-02-30,5' }, { line: 6, text: 'd,01/02/2020,3' }] },
      { reason: 'missing id', count: 1, lines: [4], examples: [{ line: 4, text: ',2020-01-02,1' }] },
      { reason: 'non-numeric amount', count: 1, lines: [5], examples: [{ line: 5, text: 'c,2020-01-03,x' }] },
    ]);
  });

  it('filters rows and re-indexes the customers that remain', async () => {
    const s = await loadSource(cdnowSpec({ filterColumns: [{ name: 'cds', kind: 'number' }], filter: (cols, rows) => Uint8Array.from({ length: rows }, (_, i) => ((cols.get('cds') as Float64Array)[i] > 2 ? 1 : 0)) }));
    if (s.kind !== 'transactions') throw new Error(s.kind);
    assert.ok(s.report.filtered > 0);
    assert.equal(s.log.rows, 6919 - s.report.filtered);
    assert.ok(s.log.customerIds.length < 2357);
    assert.equal(Math.max(...s.log.customer) + 1, s.log.customerIds.length);
  });

  it('says which file is missing and which column does not exist', async () => {
    await assert.rejects(loadSource(cdnowSpec({ path: join(dir, 'nope.txt') })), /Cannot read the data file ".*nope\.txt": no such file\./);
    const spec = cdnowSpec();
    spec.mappings[2] = { role: 'amount', columns: ['salez'] };
    await assert.rejects(loadSource(spec), /The column "salez" is not in the file; its columns are: master_id, sample_id, date, cds, sales\./);
  });

  it('reads summary and cohort sources', async () => {
    const donations = await loadSource({
      path: join(repoRoot, '..', 'shared', 'data', 'donations', 'donations.csv'),
      format: 'csv',
      kind: 'summary',
      mappings: [{ role: 'frequency', columns: ['frequency'] }, { role: 'recency', columns: ['recency'] }, { role: 'age', columns: ['periods'] }, { role: 'weight', columns: ['weights'] }],
    });
    assert.equal(donations.kind === 'summary' && donations.customers, 11104);
    const retention = await loadSource({
      path: join(repoRoot, '..', 'shared', 'data', 'sbg', 'retention_1000.csv'),
      format: 'csv',
      kind: 'cohorts',
      mappings: [{ role: 'period', columns: ['year'] }, { role: 'survivors', columns: ['regular', 'highend'] }],
    });
    if (retention.kind !== 'cohorts') throw new Error(retention.kind);
    assert.deepEqual(retention.cohorts.map((c) => [c.name, c.survivors[1]]), [['regular', 631], ['highend', 869]]);
  });

  it('stops reading when aborted', async () => {
    const file = join(dir, 'big.csv');
    writeFileSync(file, 'id,day\n' + 'c1,2020-01-01\n'.repeat(400_000));
    const controller = new AbortController();
    const spec: SourceSpec = { path: file, format: 'csv', kind: 'transactions', mappings: [{ role: 'customer', columns: ['id'] }, { role: 'date', columns: ['day'] }] };
    await assert.rejects(loadSource(spec, { signal: controller.signal, onProgress: () => controller.abort() }), /interrupted/);
  });
});

describe('data: dates', () => {
  it('parses YYYYMMDD, ISO (with a time) and patterns, and refuses impossible dates', () => {
    const parse = (format: string, s: string) => {
      const p = dateParser(format);
      if (typeof p === 'string') throw new Error(p);
      return p(Buffer.from(s), 0, s.length);
    };
    assert.equal(parse('YYYYMMDD', '19970930'), daysFromCivil(1997, 9, 30));
    assert.equal(parse('ISO', '1997-09-30T12:00:00Z'), daysFromCivil(1997, 9, 30) + 0.5);
    assert.equal(parse('DD/MM/YYYY', '30/09/1997'), daysFromCivil(1997, 9, 30));
    assert.ok(Number.isNaN(parse('ISO', '1997-02-29')));
    assert.equal(parse('ISO', '2000-02-29'), daysFromCivil(2000, 2, 29));
    assert.match(String(dateParser('DD/MM')), /needs a year, a month and a day/);
    assert.equal(daysFromCivil(1970, 1, 1), 0);
  });
});
