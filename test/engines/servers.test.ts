// The test servers themselves: every row of every dataset arrives, and the ClickHouse table the
// product reads is spread over both shards (so the engine tests exercise a distributed query).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { clickhouseWithData, datasets, HOSTILE_CUSTOMER, postgresWithData } from './servers';

const dataRows = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').length - 1;

describe('engine test servers', () => {
  it('PostgreSQL holds every row of the CDNOW sample and of the generated logs', async function () {
    const pg = await postgresWithData(this);
    const d = datasets();
    const counts = await pg.psql(
      `SELECT (SELECT count(*) FROM cdnow), (SELECT count(*) FROM transactions), (SELECT count(*) FROM junk_log),
              (SELECT count(*) FROM cdnow_text_dates), (SELECT pg_typeof(date)::text FROM cdnow_text_dates LIMIT 1)`,
    );
    assert.equal(
      counts.trim(),
      [dataRows(d.cdnow), dataRows(d.generated.file), dataRows(d.junk), dataRows(d.cdnow), 'text'].join('|'),
    );
    assert.equal(dataRows(d.cdnow), 6919);
  });

  it('ClickHouse spreads every row over two shards behind a Distributed table', async function () {
    const ch = await clickhouseWithData(this);
    const d = datasets();
    const count = async (sql: string, node = 0) => Number(await ch.exec(sql, node));
    assert.equal(await count('SELECT count() FROM cdnow'), dataRows(d.cdnow));
    assert.equal(await count('SELECT count() FROM transactions'), dataRows(d.generated.file));
    assert.equal(await count('SELECT count() FROM junk_log'), dataRows(d.junk));
    const shard1 = await count('SELECT count() FROM transactions_local', 0);
    const shard2 = await count('SELECT count() FROM transactions_local', 1);
    assert.equal(shard1 + shard2, dataRows(d.generated.file));
    assert.ok(shard1 > 400_000 && shard2 > 400_000, `shards hold ${shard1} and ${shard2} rows`);
  });

  it('the hostile table and customer id arrive unchanged in both engines', async function () {
    const pg = await postgresWithData(this);
    const ch = await clickhouseWithData(this);
    assert.equal(
      (
        await pg.psql(
          `SELECT DISTINCT customer_id FROM "orders'""\`; DROP TABLE cdnow; --" WHERE customer_id LIKE 'O%'`,
        )
      ).trim(),
      HOSTILE_CUSTOMER,
    );
    assert.equal(
      (
        await ch.exec(
          "SELECT DISTINCT customer_id FROM `orders'\"\\`; DROP TABLE cdnow; --` WHERE customer_id LIKE 'O%' FORMAT TSVRaw",
        )
      ).trim(),
      HOSTILE_CUSTOMER,
    );
  });
});
