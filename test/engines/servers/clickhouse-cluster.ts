// Two ClickHouse servers on loopback forming a two-shard cluster (`remote_servers`), as a
// sharded warehouse would be: tables are MergeTree on each shard, and the table the product
// reads is a `Distributed` table over them on the first server. Each server has its own
// temporary folder and ports; they are stopped by process id. ClickHouse 18.16's config root
// is <yandex>.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { freePorts } from '../../support/free-port';

const SERVER = '/usr/sbin/clickhouse-server';
export const CLUSTER = 'two_shards';

export interface ClickHouseNode {
  httpPort: number;
  tcpPort: number;
}

export interface ClickHouseCluster {
  /** http://127.0.0.1:port of the first server, which holds the Distributed tables. */
  url: string;
  /** A user with a password (the product connects as it). */
  user: string;
  password: string;
  nodes: ClickHouseNode[];
  /** Runs one statement on node `node` (default the first) as the set-up user; returns the body. */
  exec(sql: string, node?: number, body?: NodeJS.ReadableStream | string): Promise<string>;
  /**
   * Creates `name_local` (MergeTree, ordered by `orderBy`) on every shard and `name`
   * (Distributed, sharded by cityHash64 of `shardKey`) on the first node.
   */
  createDistributed(name: string, columns: string, orderBy: string, shardKey: string): Promise<void>;
  stop(): Promise<void>;
}

export function clickhouseMissing(): string | undefined {
  if (!existsSync(SERVER))
    return 'ClickHouse server binary (clickhouse-server) not found; install it with `apt-get install clickhouse-server`';
  return undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function usersXml(user: string, password: string): string {
  return `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile><quota>default</quota>
    </default>
    <${user}>
      <password_sha256_hex>${sha256(password)}</password_sha256_hex>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile><quota>default</quota>
    </${user}>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;
}

function configXml(dir: string, ports: { http: number; tcp: number; interserver: number }, shards: number[]): string {
  const replicas = shards
    .map((port) => `<shard><replica><host>127.0.0.1</host><port>${port}</port></replica></shard>`)
    .join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/log/server.log</log><errorlog>${dir}/log/err.log</errorlog></logger>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <interserver_http_port>${ports.interserver}</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers><${CLUSTER}>${replicas}</${CLUSTER}></remote_servers>
</yandex>
`;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/ping', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

export async function startClickHouseCluster(): Promise<ClickHouseCluster> {
  const root = mkdtempSync(join(tmpdir(), 'clv-clickhouse-'));
  const [h1, t1, i1, h2, t2, i2] = await freePorts(6);
  const ports = [
    { http: h1, tcp: t1, interserver: i1 },
    { http: h2, tcp: t2, interserver: i2 },
  ];
  const user = 'analyst';
  const password = randomBytes(12).toString('hex');
  const children: ChildProcess[] = [];
  ports.forEach((p, i) => {
    const dir = join(root, `node${i + 1}`);
    for (const sub of ['log', 'data', 'tmp', 'format_schemas']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'users.xml'), usersXml(user, password));
    writeFileSync(join(dir, 'config.xml'), configXml(dir, p, [t1, t2]));
    children.push(spawn(SERVER, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' }));
  });
  let stopped = false;
  // A run that ends without the root hook still kills the servers and removes their folders.
  const stopAtExit = () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stopAtExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stopAtExit);
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), 3000);
            child.once('exit', () => (clearTimeout(force), resolve()));
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(root, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (const p of ports) {
    while (!(await ping(p.http))) {
      const dead = children.find((c) => c.exitCode !== null);
      if (dead || Date.now() > deadline) {
        await stop();
        throw new Error(`ClickHouse server on port ${p.http} did not start (exit code ${dead?.exitCode ?? 'none'})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Over HTTP (a fresh socket each time: 18.16 closes idle keep-alive sockets after 3 s). */
  const exec = (sql: string, node = 0, body?: NodeJS.ReadableStream | string) =>
    new Promise<string>((resolve, reject) => {
      const params = new URLSearchParams({ insert_distributed_sync: '1' });
      if (body !== undefined) params.set('query', sql);
      const req = request(
        { host: '127.0.0.1', port: ports[node].http, path: `/?${params}`, method: 'POST', agent: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(text)
              : reject(new Error(`ClickHouse: ${text.trim()}\n  in: ${sql.slice(0, 200)}`)),
          );
        },
      );
      req.on('error', reject);
      if (typeof body === 'object') body.pipe(req);
      else req.end(body ?? sql);
    });
  return {
    url: `http://127.0.0.1:${h1}`,
    user,
    password,
    nodes: ports.map((p) => ({ httpPort: p.http, tcpPort: p.tcp })),
    exec,
    async createDistributed(name, columns, orderBy, shardKey) {
      for (let node = 0; node < ports.length; node++)
        await exec(`CREATE TABLE ${name}_local (${columns}) ENGINE = MergeTree() ORDER BY (${orderBy})`, node);
      await exec(
        `CREATE TABLE ${name} AS ${name}_local ENGINE = Distributed(${CLUSTER}, default, ${name}_local, cityHash64(${shardKey}))`,
      );
    },
    stop,
  };
}
