// A throwaway PostgreSQL server for the engine tests: initdb into a temporary folder, a random
// loopback port, password authentication over TCP (so a wrong password is a real failure),
// fsync off (the data is rebuilt every run). PostgreSQL refuses to run as root, and CI runs as
// root, so initdb and pg_ctl run as the `postgres` user the Debian package creates.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../support/free-port';

const run = promisify(execFile);

export interface PostgresServer {
  /** postgres://user:password@127.0.0.1:port/database */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Runs SQL through psql (for set-up only; the product's code is tested through `pg`). */
  psql(sql: string): Promise<string>;
  /** Loads a CSV file with a header into `table` with COPY. */
  copyCsv(table: string, file: string): Promise<void>;
  stop(): Promise<void>;
}

/** The folder of initdb/pg_ctl/psql: /usr/lib/postgresql/<newest>/bin, or undefined. */
function binaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

const asRoot = process.getuid?.() === 0;

/** Why a PostgreSQL server cannot be started here, or undefined when it can. */
export function postgresMissing(): string | undefined {
  if (!binaries())
    return 'PostgreSQL server binaries (initdb, pg_ctl) not found; install them with `apt-get install postgresql`';
  if (asRoot && !existsSync('/usr/sbin/runuser'))
    return 'PostgreSQL refuses to run as root and `runuser` is missing; install it with `apt-get install util-linux`';
  return undefined;
}

/** Runs a server binary, as the `postgres` user when we are root. */
function asPostgres(bin: string, args: string[]) {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = binaries()!;
  const dir = mkdtempSync(join(tmpdir(), 'clv-postgres-'));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password + '\n');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout), Number(gid));
    chownSync(pwfile, Number(stdout), Number(gid));
  }
  await asPostgres(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${pwfile}`,
  ]);
  rmSync(pwfile);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_wal_size=1GB',
    '-c shared_buffers=128MB',
    '-c work_mem=32MB',
  ].join(' ');
  await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);

  const user = 'postgres';
  const database = 'postgres';
  const url = `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  const env = { ...process.env, PGPASSWORD: password };
  const psqlArgs = ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt'];
  let stopped = false;
  // A run that ends without the root hook (an uncaught error, process.exit) still stops the server.
  const stopAtExit = () => {
    if (asRoot)
      spawnSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, 'stop', '-m', 'immediate']);
    else spawnSync(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopAtExit);
  return {
    url,
    host: '127.0.0.1',
    port,
    user,
    password,
    database,
    async psql(sql) {
      const { stdout } = await run(join(bin, 'psql'), [...psqlArgs, '-c', sql], { env });
      return stdout;
    },
    copyCsv(table, file) {
      return new Promise((resolve, reject) => {
        const child = spawn(
          join(bin, 'psql'),
          [...psqlArgs, '-c', `\\copy ${table} from stdin with (format csv, header true)`],
          {
            env,
            stdio: ['pipe', 'ignore', 'pipe'],
          },
        );
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`COPY into ${table} failed: ${err}`))));
        createReadStream(file).pipe(child.stdin);
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopAtExit);
      await asPostgres(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'fast']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
