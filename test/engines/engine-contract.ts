// What every SQL connection must do against its real server (the SqlConnection and SqlDialect
// contracts of server/src/data/engines/sql/), as one test body run for each engine: the
// push-down summary equals the file engine; errors say what and where without secrets; an
// interrupt cancels on the server within 200 ms and the session stays usable; every name
// and value reaches SQL quoted; write-back swaps a table in one step.
import assert from 'node:assert/strict';
import type { Context } from 'mocha';
import fc from 'fast-check';
import { DataError } from '../../server/src/data/errors';
import type { SqlConnection } from '../../server/src/data/engines/sql/connection';
import { loadReportQuery } from '../../server/src/data/engines/sql/summary';
import {
  checkCdnowSummary,
  checkLogSummary,
  csvFromFile,
  transactionQuery,
  type TransactionTable,
} from '../warehouse/summary-equivalence';
import { datasets, HOSTILE_CUSTOMER, HOSTILE_TABLE } from './servers';
import { freePort } from '../support/free-port';
import { checkPushdownFit } from '../warehouse/pushdown-equivalence';

export interface EngineUnderTest {
  /** Starts (once) and returns the loaded server, or skips. */
  server(ctx: Context): Promise<unknown>;
  open(): Promise<SqlConnection>;
  /** The same server with a wrong password. */
  openWithWrongPassword(): Promise<SqlConnection>;
  /** A loopback port where nothing listens. */
  openRefused(port: number): Promise<SqlConnection>;
  /** The password of the good connection, which must never appear in a message. */
  password(): string;
  /** A statement that runs for many seconds on the loaded data. */
  slowQuery: string;
}

const cdnow: TransactionTable = {
  relation: { kind: 'table', name: 'cdnow' },
  customer: 'master_id',
  date: { name: 'date', kind: 'date' },
  amount: 'sales',
};

async function rejects(work: Promise<unknown>, pattern: RegExp, secret?: string): Promise<string> {
  try {
    await work;
  } catch (err) {
    const message = (err as Error).message;
    assert.ok(err instanceof DataError, `a DataError, not ${(err as Error).constructor.name}: ${message}`);
    assert.match(message, pattern);
    if (secret) assert.ok(!message.includes(secret), `the message shows the password: ${message}`);
    return message;
  }
  assert.fail(`expected an error matching ${pattern}`);
}

export function engineContract(name: string, engine: EngineUnderTest): void {
  describe(`${name}: a real server through its SqlConnection`, function () {
    let c: SqlConnection;
    before(async function () {
      await engine.server(this);
      c = await engine.open();
    });
    after(async () => c?.close());

    describe('the push-down summary equals the file engine', () => {
      it('on the CDNOW sample (a DATE column)', async () => {
        await checkCdnowSummary(c, cdnow);
      });

      it('on the CDNOW sample with its dates stored as ISO text', async () => {
        await checkCdnowSummary(c, { ...cdnow, relation: { kind: 'table', name: 'cdnow_text_dates' } });
      });

      for (const returns of ['exclude', 'net', 'keep'] as const)
        it(`on a log with junk rows, impossible dates, times of day, returns and same-day duplicates (text columns; returns ${returns})`, async () => {
          const table: TransactionTable = {
            relation: { kind: 'table', name: 'junk_log' },
            customer: 'customer',
            date: { name: 'date', kind: 'date', dateFormat: 'ISO' },
            amount: 'amount',
          };
          await checkLogSummary(c, table, await csvFromFile(datasets().junk, table), returns);
        });
    });

    it('fitting and scoring pushed down (pattern histogram, Gamma-Gamma sums, scores joined) equal the in-memory fit', async () => {
      await checkPushdownFit(c, cdnow);
    });

    describe('errors say what and where', () => {
      it('connection refused names the host and port', async () => {
        const port = await freePort();
        await rejects(engine.openRefused(port), new RegExp(`127\\.0\\.0\\.1:${port}.*refused`));
      });

      it('a wrong password is an authentication failure, without the password', async () => {
        await rejects(engine.openWithWrongPassword(), /(password|authentication|login)/i, engine.password());
      });

      it('a missing table is named', async () => {
        await rejects(c.columns({ kind: 'table', name: 'cdnw' }), /cdnw/);
      });

      it('a missing column is named', async () => {
        await rejects(c.query(`SELECT ${c.dialect.identifier('nope')} FROM ${c.dialect.relation('cdnow')}`), /nope/);
      });

      it('dates stored as text in another format are rejected rows with the reason, not a failure', async () => {
        const q = await transactionQuery(c, {
          ...cdnow,
          relation: { kind: 'table', name: 'cdnow_text_dates' },
          date: { name: 'date', kind: 'date', dateFormat: 'YYYYMMDD' },
        });
        const report = await c.query(loadReportQuery(c.dialect, q));
        assert.deepEqual(
          report.rows.map((r) => [r[0], Number(r[1])]),
          [['malformed date in date (expected YYYYMMDD)', 6919]],
        );
      });

      it('a query that returns no rows gives its columns and no rows', async () => {
        const none = await c.query(`SELECT ${c.dialect.identifier('master_id')} FROM cdnow WHERE 1 = 0`);
        assert.deepEqual(none, { names: ['master_id'], rows: [] });
      });
    });

    it('an interrupt cancels the running query on the server within 200 ms; the session answers after', async function () {
      this.timeout(30_000);
      const controller = new AbortController();
      const running = c.query(engine.slowQuery, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 500));
      const abortedAt = performance.now();
      controller.abort();
      await rejects(running, /interrupted/);
      const latency = performance.now() - abortedAt;
      assert.ok(latency < 200, `control came back after ${latency.toFixed(0)} ms`);
      // The session runs one statement at a time: its answer means the server stopped the slow one.
      assert.deepEqual((await c.query('SELECT 1 AS one')).rows, [[1]]);
      const stopped = performance.now() - abortedAt;
      assert.ok(stopped < 5000, `the server stopped the query after ${stopped.toFixed(0)} ms`);
    });

    describe('every name and value reaches SQL quoted', () => {
      it('a table name and a filter value with quotes and ; read exactly their rows, and nothing else runs', async () => {
        const d = c.dialect;
        const columns = await c.columns({ kind: 'table', name: HOSTILE_TABLE });
        assert.deepEqual(
          columns.map((x) => x.name),
          ['customer_id', 'date', 'amount'],
        );
        const rows = await c.query(
          `SELECT count(*) AS n FROM ${d.relation(HOSTILE_TABLE)} WHERE ${d.identifier('customer_id')} = ${d.string(HOSTILE_CUSTOMER)}`,
        );
        assert.equal(Number(rows.rows[0][0]), 4);
        assert.equal(Number((await c.query('SELECT count(*) FROM cdnow')).rows[0][0]), 6919, 'cdnow is still there');
      });

      it('any text as a literal reads back unchanged, and any name as a column alias', async () => {
        const d = c.dialect;
        // Strings built from the characters that end or escape a quote somewhere, plus text.
        const unit = fc.constantFrom("'", '"', '`', '\\', ';', '-', '/', '*', '$', '?', 'a', 'é', '😀', '\n', ' ');
        const texts = fc.sample(fc.string({ unit, maxLength: 12 }), { numRuns: 100, seed: 14 });
        const specials = [`'`, `''`, `\\`, `\\'`, `"`, '`', '; DROP TABLE cdnow; --', `\\\\'; --`, '$$', '\n\t'];
        const all = [...specials, ...texts];
        const literals = await c.query(
          `SELECT ${all.map((t, i) => `${d.string(t)} AS ${d.identifier(`v${i}`)}`).join(', ')}`,
        );
        assert.deepEqual(literals.rows[0], all);
        const names = [...new Set(all.filter((t) => t.trim() !== '' && !t.includes('.')))];
        const aliased = await c.query(`SELECT ${names.map((t, i) => `${i} AS ${d.identifier(t)}`).join(', ')}`);
        assert.deepEqual(aliased.names, names);
      });
    });

    it('write-back builds a new table and swaps it in one step; a failed build leaves the old one', async function () {
      this.timeout(30_000);
      const d = c.dialect;
      const target = 'clv_segments';
      const select = (n: number) => `SELECT ${d.identifier('master_id')} FROM cdnow ORDER BY 1 LIMIT ${n}`;
      for (const statement of d.replaceTable(target, select(3), 'clv_segments_new')) await c.execute(statement);
      const count = async () => Number((await c.query(`SELECT count(*) FROM ${d.relation(target)}`)).rows[0][0]);
      assert.equal(await count(), 3);
      // A second session reads while the table is replaced: it sees 3 or 5 rows, never an error or an empty table.
      const reader = await engine.open();
      const seen = new Set<number>();
      let reading = true;
      const reads = (async () => {
        while (reading) seen.add(Number((await reader.query(`SELECT count(*) FROM ${d.relation(target)}`)).rows[0][0]));
      })();
      for (const statement of d.replaceTable(target, select(5), 'clv_segments_new')) await c.execute(statement);
      reading = false;
      await reads;
      await reader.close();
      assert.equal(await count(), 5);
      assert.ok(
        [...seen].every((n) => n === 3 || n === 5),
        `a reader saw ${[...seen].join(', ')} rows`,
      );
      const failing = d.replaceTable(target, `SELECT ${d.identifier('nope')} FROM cdnow`, 'clv_segments_new');
      await rejects(
        (async () => {
          for (const statement of failing) await c.execute(statement);
        })(),
        /nope/,
      );
      assert.equal(await count(), 5, 'the old table is intact');
      await c.execute(d.dropTable(target));
    });

    it('streams a big result in batches and uploads a scores table', async () => {
      const d = c.dialect;
      let rows = 0;
      let batches = 0;
      await c.stream(`SELECT ${d.identifier('customer_id')} FROM transactions LIMIT 25000`, (batch) => {
        rows += batch.rows.length;
        batches++;
      });
      assert.equal(rows, 25_000);
      assert.ok(batches > 1, `${batches} batches`);
      await c.upload(
        'scores',
        [
          { name: 'pattern', type: 'text' },
          { name: 'p_alive', type: 'number' },
        ],
        [
          ['a', 0.5],
          [HOSTILE_CUSTOMER, 1e-300],
          ['c', null],
        ],
      );
      const back = await c.query(`SELECT * FROM ${d.identifier('scores')} ORDER BY ${d.identifier('pattern')}`);
      assert.deepEqual(back.rows, [
        [HOSTILE_CUSTOMER, 1e-300],
        ['a', 0.5],
        ['c', null],
      ]);
    });
  });
}
