// JSON (array and lines), Parquet and Arrow sources. The binary files are written here by
// well-kept writers (hyparquet-writer, flechette's tableToIPC) so they cannot drift.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { daysFromCivil, loadSource, readSchema, readSchemaSync } from '../../server/src/data';
import { orders, transactions } from './helpers';

const DAY_MS = 86_400_000;

describe('data: JSON, Parquet and Arrow', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'clv-data-bin-'));
    const columnData = [
      { name: 'customer', data: ['a', 'b', 'a', ''], type: 'STRING' as const },
      { name: 'date', data: ['2020-01-05', '2020-01-06', '2020-02-01', '2020-02-02'], type: 'STRING' as const },
      { name: 'amount', data: [1.5, 2, 3.25, 4], type: 'DOUBLE' as const },
    ];
    writeFileSync(join(dir, 'orders.parquet'), new Uint8Array(parquetWriteBuffer({ columnData })));
    const stamped = [
      {
        name: 'day',
        data: [daysFromCivil(2020, 1, 5) * DAY_MS, daysFromCivil(2020, 3, 1) * DAY_MS],
        type: 'TIMESTAMP' as const,
      },
      { name: 'id', data: [7, 8], type: 'INT32' as const },
    ];
    writeFileSync(join(dir, 'stamped.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: stamped })));
    const arrow = tableFromArrays({
      customer: ['x', 'y', 'x'],
      date: [new Date(Date.UTC(2020, 0, 5)), new Date(Date.UTC(2020, 0, 6)), new Date(Date.UTC(2020, 0, 7))],
      amount: new Float64Array([1, 2, 3]),
    });
    writeFileSync(join(dir, 'orders.arrow'), tableToIPC(arrow, { format: 'file' })!);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a JSON array of records (ids and amounts as numbers or strings)', async () => {
    const s = transactions(await loadSource(orders('orders.json', { format: 'json' })));
    assert.deepEqual(s.log.customerIds, ['1001', '1002']);
    assert.deepEqual([...s.log.amount!], [10.5, 20, 5.25]);
    assert.equal(s.log.time[2], daysFromCivil(2020, 2, 1));
  });

  it('reads JSON lines, rejecting a bad record by its line', async () => {
    const s = transactions(await loadSource(orders('orders.jsonl', { format: 'json' })));
    assert.equal(s.report.rowsRead, 3);
    assert.deepEqual(s.log.customerIds, ['a']);
    assert.deepEqual(s.report.rejected, [
      {
        reason: 'non-numeric amount',
        count: 1,
        lines: [3],
        examples: [{ line: 3, text: '{"customer": "b", "date": "2020-01-06", "amount": "n/a"}' }],
      },
    ]);
  });

  it('rejects JSON lines that do not parse, with their lines, and reads the rest', async () => {
    const file = join(dir, 'junk.jsonl');
    writeFileSync(
      file,
      '{"customer":"a","date":"2020-01-05","amount":1}\n{"customer":"b","date":\nnot json at all\n{"customer":"a","date":"2020-01-07","amount":2}\n',
    );
    const s = transactions(await loadSource(orders(file, { format: 'json' })));
    assert.equal(s.report.rowsRead, 4);
    assert.deepEqual([...s.log.amount!], [1, 2]);
    assert.deepEqual(s.report.rejected, [
      {
        reason: 'not valid JSON',
        count: 2,
        lines: [2, 3],
        examples: [
          { line: 2, text: '{"customer":"b","date":' },
          { line: 3, text: 'not json at all' },
        ],
      },
    ]);
  });

  it('reads Parquet columns, rejecting a row with a missing customer', async () => {
    const s = transactions(await loadSource(orders(join(dir, 'orders.parquet'), { format: 'parquet' })));
    assert.deepEqual(s.log.customerIds, ['a', 'b']);
    assert.deepEqual([...s.log.amount!], [1.5, 2, 3.25]);
    assert.deepEqual(
      [...s.log.time],
      [daysFromCivil(2020, 1, 5), daysFromCivil(2020, 1, 6), daysFromCivil(2020, 2, 1)],
    );
    assert.deepEqual(
      s.report.rejected.map((g) => [g.reason, g.lines]),
      [['missing customer', [4]]],
    );
  });

  it('reads Parquet one row group at a time: progress after each, and an interrupt stops between them', async () => {
    const n = 5000;
    const columnData = [
      { name: 'customer', data: Array.from({ length: n }, (_, i) => `c${i % 700}`), type: 'STRING' as const },
      {
        name: 'date',
        data: Array.from({ length: n }, (_, i) => `2020-01-${String((i % 28) + 1).padStart(2, '0')}`),
        type: 'STRING' as const,
      },
      { name: 'amount', data: Array.from({ length: n }, (_, i) => i % 50), type: 'DOUBLE' as const },
    ];
    const file = join(dir, 'groups.parquet');
    writeFileSync(file, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 1000 })));
    const fractions: number[] = [];
    const s = transactions(
      await loadSource(orders(file, { format: 'parquet' }), { onProgress: (f) => fractions.push(f) }),
    );
    assert.equal(s.log.rows, n);
    assert.equal(s.log.customerIds.length, 700);
    assert.deepEqual(Array.from(s.log.amount!.subarray(4995)), [45, 46, 47, 48, 49]);
    // Decoding is the first half of the progress.
    assert.deepEqual(fractions, [0.1, 0.2, 0.3, 0.4, 0.5, 1]);
    const controller = new AbortController();
    const seen: number[] = [];
    const stopping = loadSource(orders(file, { format: 'parquet' }), {
      signal: controller.signal,
      onProgress: (f) => (seen.push(f), f >= 0.2 && controller.abort()),
    });
    await assert.rejects(stopping, /Reading was interrupted\./);
    assert.deepEqual(seen, [0.1, 0.2], 'no group is decoded after the interrupt');
  });

  it('turns a large decoded table into columns with progress, and stops there on an interrupt', async () => {
    const n = 200_000;
    const file = join(dir, 'large.arrow');
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + (i % 300)));
    writeFileSync(
      file,
      tableToIPC(
        tableFromArrays({
          customer: Array.from({ length: n }, (_, i) => `c${i % 9000}`),
          date: Array.from({ length: n }, (_, i) => day(i)),
          amount: Float64Array.from({ length: n }, (_, i) => i % 70),
        }),
        { format: 'file' },
      )!,
    );
    const fractions: number[] = [];
    const s = transactions(
      await loadSource(orders(file, { format: 'arrow' }), { onProgress: (f) => fractions.push(f) }),
    );
    assert.equal(s.log.rows, n);
    assert.deepEqual(
      fractions.map((f) => f.toFixed(3)),
      ['0.664', '0.828', '0.992', '1.000'],
      'every 65,536 rows, in the second half',
    );
    const controller = new AbortController();
    await assert.rejects(
      loadSource(orders(file, { format: 'arrow' }), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
      /Reading was interrupted\./,
    );
  });

  it('reads Parquet timestamps and integer ids', async () => {
    const spec = orders(join(dir, 'stamped.parquet'), { format: 'parquet' });
    spec.mappings = [
      { role: 'customer', columns: ['id'] },
      { role: 'date', columns: ['day'] },
    ];
    const s = transactions(await loadSource(spec));
    assert.deepEqual(s.log.customerIds, ['7', '8']);
    assert.deepEqual([...s.log.time], [daysFromCivil(2020, 1, 5), daysFromCivil(2020, 3, 1)]);
    assert.equal(s.log.amount, null);
  });

  it('reads Arrow IPC with date columns', async () => {
    const s = transactions(await loadSource(orders(join(dir, 'orders.arrow'), { format: 'arrow' })));
    assert.deepEqual(s.log.customerIds, ['x', 'y']);
    assert.deepEqual(
      [...s.log.time],
      [daysFromCivil(2020, 1, 5), daysFromCivil(2020, 1, 6), daysFromCivil(2020, 1, 7)],
    );
    assert.deepEqual([...s.log.amount!], [1, 2, 3]);
  });

  it('lists the columns of Parquet and Arrow files in schemas and errors', async () => {
    const schema = await readSchema(join(dir, 'orders.parquet'), { format: 'parquet' });
    assert.deepEqual(
      schema.columns.map((c) => [c.name, c.type, c.dateFormat]),
      [
        ['customer', 'string', undefined],
        ['date', 'date', 'ISO'],
        ['amount', 'number', undefined],
      ],
    );
    // Synchronously (for the editor): Parquet from the footer alone, Arrow with samples.
    const footer = readSchemaSync(join(dir, 'stamped.parquet'), { format: 'parquet' });
    assert.deepEqual(
      footer.columns.map((c) => [c.name, c.type]),
      [
        ['day', 'date'],
        ['id', 'integer'],
      ],
    );
    const arrow = readSchemaSync(join(dir, 'orders.arrow'), { format: 'arrow' });
    assert.deepEqual(
      arrow.columns.map((c) => [c.name, c.type]),
      [
        ['customer', 'string'],
        ['date', 'date'],
        ['amount', 'integer'],
      ],
    );
    const spec = orders(join(dir, 'orders.arrow'), { format: 'arrow' });
    spec.mappings[0] = { role: 'customer', columns: ['client'] };
    await assert.rejects(
      loadSource(spec),
      /The column "client" is not in the file; its columns are: customer, date, amount\./,
    );
  });
});
