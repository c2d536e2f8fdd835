// Summary and cohort sources, the kernel's row-predicate filter, and the date parser.
import assert from 'node:assert/strict';
import { dateParser, daysFromCivil, loadSource, type SourceSpec } from '../../server/src/data';
import { sampleData, transactions } from './helpers';

describe('data: summary, cohorts and predicates', () => {
  it('reads summary and cohort sources into typed role columns', async () => {
    const donations = await loadSource({
      path: sampleData('donations', 'donations.csv'),
      format: 'csv',
      kind: 'summary',
      mappings: [
        { role: 'frequency', columns: ['frequency'] },
        { role: 'recency', columns: ['recency'] },
        { role: 'T', columns: ['periods'] },
        { role: 'weight', columns: ['weights'] },
      ],
    });
    if (donations.kind !== 'summary') throw new Error(donations.kind);
    assert.equal(donations.customers, 11104);
    assert.ok(donations.frequency instanceof Float64Array && donations.age.length === donations.rows);
    const retention = await loadSource({
      path: sampleData('subscriptions', 'retention_1000.csv'),
      format: 'csv',
      kind: 'cohorts',
      mappings: [
        { role: 'period', columns: ['year'] },
        { role: 'survivors', columns: ['regular', 'highend'] },
      ],
    });
    if (retention.kind !== 'cohorts') throw new Error(retention.kind);
    assert.deepEqual(
      retention.cohorts.map((c) => [c.name, c.survivors[1]]),
      [
        ['regular', 631],
        ['highend', 869],
      ],
    );
  });

  it('says which roles a source is missing', async () => {
    const spec: SourceSpec = {
      path: 'x.csv',
      format: 'csv',
      kind: 'summary',
      mappings: [{ role: 'frequency', columns: ['f'] }],
    };
    await assert.rejects(loadSource(spec), /A summary source needs `recency = column` and `age = column`\./);
  });

  it('applies a row predicate over the read columns and re-indexes the customers left', async () => {
    const spec: SourceSpec = {
      path: sampleData('cdnow', 'CDNOW_sample.txt'),
      format: 'text',
      kind: 'transactions',
      header: false,
      columns: ['master_id', 'sample_id', 'date', 'cds', 'sales'],
      mappings: [
        { role: 'customer', columns: ['master_id'] },
        { role: 'date', columns: ['date'], format: 'YYYYMMDD' },
      ],
      filterColumns: [{ name: 'cds', kind: 'number' }],
      filter: (cols, rows) =>
        Uint8Array.from({ length: rows }, (_, i) => ((cols.get('cds') as Float64Array)[i] > 2 ? 1 : 0)),
    };
    const s = transactions(await loadSource(spec));
    assert.ok(s.report.filtered > 0);
    assert.equal(s.log.rows, 6919 - s.report.filtered);
    assert.ok(s.log.customerIds.length < 2357);
    assert.equal(Math.max(...s.log.customer) + 1, s.log.customerIds.length);
    const cds = s.extra.get('cds');
    assert.ok(cds?.kind === 'number' && cds.values.every((v) => v > 2));
  });
});

describe('data: dates', () => {
  const parse = (format: string, s: string) => {
    const p = dateParser(format);
    if (typeof p === 'string') throw new Error(p);
    return p(Buffer.from(s), 0, s.length);
  };

  it('parses YYYYMMDD, ISO with times and zones, and patterns', () => {
    assert.equal(parse('YYYYMMDD', '19970930'), daysFromCivil(1997, 9, 30));
    assert.equal(parse('ISO', '1997-09-30T12:00:00Z'), daysFromCivil(1997, 9, 30) + 0.5);
    assert.equal(parse('ISO', '1997-09-30 06:00'), daysFromCivil(1997, 9, 30) + 0.25);
    assert.equal(parse('ISO', '1997-09-30T02:00:00+02:00'), daysFromCivil(1997, 9, 30));
    assert.equal(parse('DD/MM/YYYY', '30/09/1997'), daysFromCivil(1997, 9, 30));
    assert.equal(parse('MM/DD/YYYY', '09/30/1997'), daysFromCivil(1997, 9, 30));
    assert.equal(parse('D/M/YY', '5/1/98'), daysFromCivil(1998, 1, 5));
    assert.equal(parse('D/M/YY', '5/1/05'), daysFromCivil(2005, 1, 5));
    assert.equal(parse('YYYY-MM-DD HH:mm', '2020-01-01 18:00'), daysFromCivil(2020, 1, 1) + 0.75);
    assert.equal(daysFromCivil(1970, 1, 1), 0);
  });

  it('refuses impossible or malformed dates and bad formats', () => {
    for (const [format, s] of [
      ['ISO', '1997-02-29'],
      ['ISO', '1997-9-30'],
      ['ISO', '1997-09-30T25:00'],
      ['YYYYMMDD', '1997093'],
      ['DD/MM/YYYY', '31/04/2020'],
      ['DD/MM/YYYY', '30/09/1997x'],
    ]) {
      assert.ok(Number.isNaN(parse(format, s)), `${format} ${s}`);
    }
    assert.equal(parse('ISO', '2000-02-29'), daysFromCivil(2000, 2, 29));
    assert.match(String(dateParser('DD/MM')), /needs a year, a month and a day once each/);
    assert.match(String(dateParser('YYYY-QQ-DD')), /has "Q" where/);
  });
});
