// Runs the BUILT command line (dist/cli/clvnb.mjs) the way users do: a separate Node
// process, real arguments, real exit code. `buildOnce` runs `npm run build` once per test
// process; `workspace` makes a temp folder with fixtures and the CDNOW sample data, so
// notebooks' relative data paths work and outputs never land in the repository.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures', 'cli');
/** The CDNOW sample's data (samples/cdnow/data), read-only. */
export const cdnowData = join(repoRoot, 'samples', 'cdnow', 'data', 'CDNOW_sample.txt');
const cli = join(repoRoot, 'dist', 'cli', 'clvnb.mjs');

let built = false;
export function buildOnce(): void {
  if (built) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function clvnb(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/**
 * Runs the CLI with its stdout already closed by the reader, as `clvnb ... | head -0` would:
 * every write to stdout fails with EPIPE. Resolves with the exit code and stderr.
 */
export function clvnbClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stderr }));
  });
}

export interface Workspace {
  dir: string;
  /** Copies a fixture file (path relative to test/fixtures/cli) into the workspace. */
  add(fixture: string, as?: string): string;
  remove(): void;
}

/** A temp folder holding `data/CDNOW_sample.txt`, ready for fixture notebooks. */
export function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'clvnb-'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(cdnowData, join(dir, 'data', 'CDNOW_sample.txt'));
  return {
    dir,
    add(fixture, as = fixture) {
      const target = join(dir, as);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(fixtures, fixture), target);
      return target;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
