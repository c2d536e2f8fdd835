// The editor's cheap schema read (names, inferred types, date formats, samples) and the real
// CDNOW files: the sample without a header, the master with one, both whitespace and CRLF.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  dateFormatMismatches,
  daysFromCivil,
  loadSource,
  readSchema,
  readSchemaSync,
  type SourceSpec,
} from '../../server/src/data';
import { fixtures, sampleData, transactions } from './helpers';

const cdnow = (file: string, over: Partial<SourceSpec> = {}): SourceSpec => ({
  path: sampleData('cdnow', file),
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

describe('data: CDNOW', () => {
  it('reads CDNOW_sample.txt: 6,919 rows, 2,357 customers, 1997-01-01 to 1998-06-30', async () => {
    const s = transactions(await loadSource(cdnow('CDNOW_sample.txt')));
    assert.equal(s.log.rows, 6919);
    assert.deepEqual(s.report.rejected, []);
    assert.equal(s.log.customerIds.length, 2357);
    assert.equal(s.log.customerIds[0], '00004');
    assert.equal(s.report.minDate, daysFromCivil(1997, 1, 1));
    assert.equal(s.report.maxDate, daysFromCivil(1998, 6, 30));
    assert.equal(s.log.amount![0], 29.33);
  });

  it('reads the head of CDNOW_master.txt by its header, keeping zero-padded ids', async () => {
    const s = transactions(
      await loadSource(
        cdnow('cdnow-master-head.txt', {
          path: join(fixtures, 'cdnow-master-head.txt'),
          header: true,
          columns: undefined,
          mappings: [
            { role: 'customer', columns: ['customer_id'] },
            { role: 'date', columns: ['date'], format: 'YYYYMMDD' },
            { role: 'amount', columns: ['dollar_value'] },
          ],
        }),
      ),
    );
    assert.equal(s.log.rows, 40);
    assert.equal(s.log.customerIds.length, 10);
    assert.deepEqual(s.log.customerIds.slice(0, 3), ['00001', '00002', '00003']);
    assert.equal(s.report.maxDate, daysFromCivil(1998, 6, 8));
  });
});

describe('data: readSchema', () => {
  it('infers integer, number, date (with format) and string columns from the first rows', async () => {
    const schema = await readSchema('orders.csv', { format: 'csv', baseDir: fixtures });
    assert.equal(schema.path, join(fixtures, 'orders.csv'));
    assert.deepEqual(
      schema.columns.map((c) => [c.name, c.type, c.dateFormat]),
      [
        ['customer', 'string', undefined],
        ['date', 'date', 'ISO'],
        ['amount', 'number', undefined],
        ['channel', 'string', undefined],
      ],
    );
    assert.deepEqual(schema.columns[3].samples, ['web', 'store', 'web', 'mail, phone', 'multi\nline', 'web']);
  });

  it('detects YYYYMMDD and zero-padded integer ids in a headerless whitespace file', async () => {
    const schema = await readSchema(sampleData('cdnow', 'CDNOW_sample.txt'), {
      format: 'text',
      header: false,
      columns: ['master_id', 'sample_id', 'date', 'cds', 'sales'],
    });
    assert.equal(schema.sampledRows, 50);
    assert.deepEqual(
      schema.columns.map((c) => [c.name, c.type, c.dateFormat]),
      [
        ['master_id', 'integer', undefined],
        ['sample_id', 'integer', undefined],
        ['date', 'date', 'YYYYMMDD'],
        ['cds', 'integer', undefined],
        ['sales', 'number', undefined],
      ],
    );
    assert.equal(schema.columns[0].samples[0], '00004');
    assert.deepEqual(dateFormatMismatches('ISO', schema.columns[2].samples.slice(0, 2)), ['19970101', '19970118']);
    assert.deepEqual(dateFormatMismatches('YYYYMMDD', schema.columns[2].samples), []);
    assert.deepEqual(
      readSchemaSync(sampleData('cdnow', 'CDNOW_sample.txt'), {
        format: 'text',
        header: false,
        columns: ['master_id', 'sample_id', 'date', 'cds', 'sales'],
      }),
      schema,
    );
  });

  it('infers DD/MM/YYYY, reads JSON lines, and names a missing file', async () => {
    const semi = await readSchema('bom-crlf-semicolon.csv', { format: 'csv', delimiter: ';', baseDir: fixtures });
    assert.deepEqual(
      semi.columns.map((c) => [c.name, c.type, c.dateFormat]),
      [
        ['customer', 'integer', undefined],
        ['day', 'date', 'DD/MM/YYYY'],
        ['spend', 'string', undefined],
      ],
    );
    const jsonl = await readSchema('orders.jsonl', { format: 'json', baseDir: fixtures });
    assert.deepEqual(
      jsonl.columns.map((c) => c.name),
      ['customer', 'date', 'amount'],
    );
    assert.throws(
      () => readSchemaSync('gone.csv', { format: 'csv', baseDir: fixtures }),
      /Cannot read the data file ".*gone\.csv": no such file\./,
    );
    await assert.rejects(
      readSchema('gone.csv', { format: 'csv', baseDir: fixtures }),
      /Cannot read the data file ".*gone\.csv": no such file\./,
    );
  });
});
