// CSV, TSV and custom delimiters on small fixtures: quoting, BOM, CRLF, blank lines, junk
// rows with exact reject counts, lines and reasons, a row predicate.
import assert from 'node:assert/strict';
import { daysFromCivil, loadSource } from '../../server/src/data';
import { orders, transactions } from './helpers';

describe('data: delimited text', () => {
  it('reads quoted fields: delimiters, escaped quotes and newlines inside quotes', async () => {
    const s = transactions(
      await loadSource(orders('orders.csv', { filterColumns: [{ name: 'channel', kind: 'text' }] })),
    );
    assert.equal(s.report.rowsRead, 6);
    assert.deepEqual(s.report.rejected, []);
    assert.deepEqual(s.log.customerIds, ['1001', '1002', '1003', 'Smith "Jr"']);
    assert.deepEqual([...s.log.customer], [0, 1, 0, 2, 3, 1]);
    assert.deepEqual([...s.log.amount!], [10.5, 20, 5.25, 7.5, 1, 3]);
    assert.equal(s.log.time[3], daysFromCivil(2020, 3, 1) + 0.5);
    const channel = s.extra.get('channel');
    assert.deepEqual(channel?.kind === 'text' && channel.values, [
      'web',
      'store',
      'web',
      'mail, phone',
      'multi\nline',
      'web',
    ]);
    assert.equal(s.report.customers, 4);
    assert.equal(s.report.minDate, daysFromCivil(2020, 1, 5));
    assert.equal(s.report.maxDate, daysFromCivil(2020, 3, 5));
  });

  it('counts junk rows by reason with their physical line numbers and text', async () => {
    const s = transactions(await loadSource(orders('junk.csv')));
    assert.equal(s.report.rowsRead, 9);
    assert.equal(s.log.rows, 2);
    assert.deepEqual(s.log.customerIds, ['a', 'e']);
    // Most frequent reason first; ties in order of first appearance.
    assert.deepEqual(s.report.rejected, [
      {
        reason: 'malformed date in date (expected ISO YYYY-MM-DD)',
        count: 2,
        lines: [3, 10],
        examples: [
          { line: 3, text: 'b,2021-13-01,5' },
          { line: 10, text: 'f,31/01/2021,1' },
        ],
      },
      {
        reason: 'non-numeric amount',
        count: 2,
        lines: [4, 11],
        examples: [
          { line: 4, text: 'c,2021-01-02,abc' },
          { line: 11, text: 'g,2021-01-06,' },
        ],
      },
      { reason: 'missing customer', count: 1, lines: [5], examples: [{ line: 5, text: ',2021-01-03,4' }] },
      { reason: 'too few fields (2, need 3)', count: 1, lines: [7], examples: [{ line: 7, text: 'd,2021-01-04' }] },
      {
        reason: 'too few fields (1, need 3)',
        count: 1,
        lines: [8],
        examples: [{ line: 8, text: '-- export paused --' }],
      },
    ]);
  });

  it('reads a BOM, CRLF, a custom delimiter and DD/MM/YYYY dates', async () => {
    const spec = orders('bom-crlf-semicolon.csv', { delimiter: ';' }, 'DD/MM/YYYY');
    spec.mappings = [
      { role: 'customer', columns: ['customer'] },
      { role: 'date', columns: ['day'], format: 'DD/MM/YYYY' },
      { role: 'amount', columns: ['spend'] },
    ];
    const s = transactions(await loadSource(spec));
    assert.equal(s.report.rowsRead, 3);
    assert.deepEqual(s.log.customerIds, ['7', '8']);
    assert.deepEqual([...s.log.customer], [1, 0]);
    assert.deepEqual([...s.log.time], [daysFromCivil(2019, 12, 31), daysFromCivil(2020, 2, 29)]);
    assert.deepEqual(
      s.report.rejected.map((g) => [g.reason, g.lines]),
      [['non-numeric spend', [2]]],
    );
  });

  it('reads TSV with YYYYMMDD dates and patterns with a time of day', async () => {
    const tsv = transactions(await loadSource(orders('orders.tsv', { format: 'tsv' }, 'YYYYMMDD')));
    assert.deepEqual([...tsv.log.time], [daysFromCivil(2020, 1, 5), daysFromCivil(2020, 1, 6)]);
    const spec = orders('us-dates.csv');
    spec.mappings = [
      { role: 'customer', columns: ['id'] },
      { role: 'date', columns: ['when'], format: 'M/D/YY H:mm' },
      { role: 'amount', columns: ['total'] },
    ];
    const us = transactions(await loadSource(spec));
    assert.deepEqual(
      [...us.log.time],
      [daysFromCivil(1998, 1, 31) + (14 * 60 + 30) / 1440, daysFromCivil(1997, 12, 1) + (9 * 60 + 5) / 1440],
    );
  });

  it('trims spaces around unquoted fields and headers', async () => {
    const s = transactions(await loadSource(orders('spaced.csv')));
    assert.deepEqual(s.log.customerIds, ['a', 'b']);
    assert.deepEqual([...s.log.amount!], [2, 3]);
    // A line holding only a tab is a one-field row, not a blank line.
    assert.deepEqual(
      s.report.rejected.map((g) => [g.reason, g.lines]),
      [['too few fields (1, need 3)', [3]]],
    );
  });

  it('applies a row predicate over read columns and extra ones, and re-indexes the customers left', async () => {
    const s = transactions(
      await loadSource(
        orders('orders.csv', {
          filterColumns: [{ name: 'channel', kind: 'text' }],
          filter: (columns, rows) => {
            const amount = columns.get('amount') as Float64Array;
            const channel = columns.get('channel') as string[];
            return Uint8Array.from({ length: rows }, (_, i) => Number(amount[i] >= 5 && channel[i] === 'web'));
          },
        }),
      ),
    );
    assert.equal(s.report.filtered, 4);
    assert.deepEqual(s.log.customerIds, ['1001']);
    assert.deepEqual([...s.log.amount!], [10.5, 5.25]);
    assert.equal(s.report.rows, 2);
  });

  it('names the missing file and lists the columns when a mapped column does not exist', async () => {
    await assert.rejects(
      loadSource(orders('no-such.csv')),
      /Cannot read the data file ".*test\/fixtures\/data\/no-such\.csv": no such file\./,
    );
    const spec = orders('orders.csv');
    spec.mappings[2] = { role: 'amount', columns: ['amout'] };
    await assert.rejects(
      loadSource(spec),
      /The column "amout" is not in the file; its columns are: customer, date, amount, channel\./,
    );
  });
});
