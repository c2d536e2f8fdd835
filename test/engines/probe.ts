import { readFileSync } from 'node:fs';
import { ClickHouseConnection } from '../../server/src/data/engines/sql/clickhouse-connection';
const s = JSON.parse(readFileSync('/tmp/ws-servers.json', 'utf8'));
const c = await ClickHouseConnection.open(`http://analyst:${s.chPassword}@127.0.0.1:${s.chNodes[0].httpPort}`);
try {
  const ac = new AbortController();
  let t = performance.now();
  const p = c
    .query('SELECT count() FROM numbers(10000000000) WHERE cityHash64(number) % 7 = 1', { signal: ac.signal })
    .catch((e) => e.message);
  await new Promise((r) => setTimeout(r, 1000));
  const ps = await fetch(`http://127.0.0.1:${s.chNodes[0].httpPort}/?user=analyst&password=${s.chPassword}`, {
    method: 'POST',
    body: 'SELECT query_id, elapsed FROM system.processes',
  });
  console.log(await ps.text());
  t = performance.now();
  ac.abort();
  console.log(await p, performance.now() - t);
  await c.query('SELECT 1');
  console.log('server stopped', performance.now() - t);
  await c.execute(c.dialect.createTemporary('summary', 'SELECT 1 AS a'));
  await c.execute(c.dialect.createTemporary('summary', 'SELECT 2 AS a'));
  console.log((await c.query('SELECT * FROM summary')).rows);
} finally {
  await c.close();
}
