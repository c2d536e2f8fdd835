// The BUILT command line (dist/cli/clvnb.mjs, its drivers bundled) against the real PostgreSQL
// and two-shard ClickHouse servers of the engine tests, as a user runs it: `clvnb run --json
// --html` in its own process, the URL (with its password) in an environment variable. A run
// that succeeds, fails or is interrupted exits as soon as it has reported: the kernel closes its
// connections, whose sockets would otherwise keep the process alive. The password appears in
// nothing the run prints or writes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'mocha';
import { clickhouseWithData, postgresWithData } from '../engines/servers';
import { buildOnce, repoRoot } from './harness';

const notebook = (engine: string, from: string) => `# CDNOW in a warehouse

\`\`\`clv
connection dw = ${engine} env "CLV_TEST_DW_URL"

source orders = ${from} from dw {
  customer = master_id
  date     = date
  amount   = sales
}
\`\`\`
`;

/** The run's last line, printed once everything is written: nothing is left to do after it. */
const LAST_LINE = /^(1 cell ran|1 of 1 cell failed or did not run)$/m;
/** Longer than any run here takes; a process still alive then is killed and the test fails. */
const KILL_AFTER_MS = 90_000;

interface Run {
  /** null when the process was killed. */
  code: number | null;
  out: string;
  /** From the run's last line to the process's exit. */
  exitMs: number;
}

/** `clvnb run orders.clvnb --json results.json --html report.html`; `whileRunning` may interrupt it. */
function clvnbRun(dir: string, url: string, whileRunning?: (pid: number) => Promise<void>): Promise<Run> {
  const cli = join(repoRoot, 'dist', 'cli', 'clvnb.mjs');
  const args = [cli, 'run', 'orders.clvnb', '--json', 'results.json', '--html', 'report.html'];
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, CLV_TEST_DW_URL: url } });
  let out = '';
  let lastLineAt = NaN;
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
    if (Number.isNaN(lastLineAt) && LAST_LINE.test(out)) lastLineAt = performance.now();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
  void whileRunning?.(child.pid!);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      done({ code, out, exitMs: performance.now() - lastLineAt });
    }),
  );
}

interface Server {
  url: string;
  password: string;
}

const servers: Record<string, (ctx: Context) => Promise<Server>> = {
  postgres: async (ctx) => postgresWithData(ctx),
  clickhouse: async (ctx) => {
    const ch = await clickhouseWithData(ctx);
    const url = `http://${ch.user}:${encodeURIComponent(ch.password)}@127.0.0.1:${ch.nodes[0].httpPort}`;
    return { url, password: ch.password };
  },
};

describe('clvnb run (the built bundle) against real PostgreSQL and ClickHouse', function () {
  this.timeout(240_000);
  let dir: string;
  before(() => buildOnce());
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'clvnb-warehouse-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Everything the run printed and wrote. */
  const everything = (run: Run) =>
    [run.out, ...['results.json', 'report.html'].map((f) => readFileSync(join(dir, f), 'utf8'))].join('\n');

  /** The process ended by itself, promptly once it had reported. */
  function exitedPromptly(run: Run) {
    assert.notEqual(run.code, null, `still running after ${KILL_AFTER_MS} ms:\n${run.out}`);
    assert.ok(run.exitMs < 5000, `exited ${Math.round(run.exitMs)} ms after its last line`);
  }

  for (const engine of Object.keys(servers)) {
    it(`${engine}: reads the table, writes the results and the report, and exits`, async function () {
      const server = await servers[engine](this);
      writeFileSync(join(dir, 'orders.clvnb'), notebook(engine, 'table "cdnow"'));
      const run = await clvnbRun(dir, server.url);
      exitedPromptly(run);
      assert.equal(run.code, 0, run.out);
      const summary = '6,919 transactions by 2,357 customers, 1997-01-01 to 1998-06-30; total spend 244,091.94.';
      assert.ok(run.out.includes(summary), run.out);
      const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { ok: boolean };
      assert.equal(results.ok, true);
      assert.ok(JSON.stringify(results).includes(summary));
      assert.ok(readFileSync(join(dir, 'report.html'), 'utf8').includes('6,919 transactions by 2,357 customers'));
      assert.ok(server.password.length >= 8 && !everything(run).includes(server.password), 'the password leaked');
    });

    it(`${engine}: a table that does not exist fails the cell, and the process exits`, async function () {
      const server = await servers[engine](this);
      writeFileSync(join(dir, 'orders.clvnb'), notebook(engine, 'table "no_such_table"'));
      const run = await clvnbRun(dir, server.url);
      exitedPromptly(run);
      assert.equal(run.code, 1, run.out);
      assert.match(run.out, /no_such_table/);
      assert.ok(!everything(run).includes(server.password), 'the password leaked');
    });
  }

  it('postgres: Ctrl-C during a long query cancels it on the server, and the process exits', async function () {
    const pg = await postgresWithData(this);
    // The product's sessions (psql, the set-up's client, names itself); the query's text is cut
    // in pg_stat_activity, so a running query is told by its state.
    const product = `FROM pg_stat_activity WHERE backend_type = 'client backend' AND application_name <> 'psql'`;
    writeFileSync(
      join(dir, 'orders.clvnb'),
      notebook('postgres', 'query "SELECT c.* FROM cdnow c CROSS JOIN pg_sleep(60)"'),
    );
    const started = performance.now();
    const run = await clvnbRun(dir, pg.url, async (pid) => {
      // Interrupt once the query is running on the server.
      while ((await pg.psql(`SELECT count(*) ${product} AND state = 'active'`)).trim() === '0')
        await new Promise((r) => setTimeout(r, 200));
      process.kill(pid, 'SIGINT');
    });
    exitedPromptly(run);
    assert.ok(performance.now() - started < 50_000, 'the query was not cancelled');
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /interrupted/i);
    assert.ok(existsSync(join(dir, 'results.json')));
    // No session of the product is left on the server, idle or running.
    assert.equal((await pg.psql(`SELECT count(*) ${product}`)).trim(), '0');
  });
});
