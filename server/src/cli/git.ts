// Reading a file as it was at a git revision, for `clvnb diff`. Runs the user's own `git`
// (execFile, no shell, so a revision or path is never interpreted as shell syntax) in the
// notebook's folder, and turns git's failures into messages that name the revision and file.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { InputError, UsageError } from './errors';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new InputError('git is not installed or not on PATH');
    throw new InputError(
      String(e.stderr ?? e.message)
        .trim()
        .split('\n')[0],
    );
  }
}

/** The text of `file` (a path on disk) at revision `rev` of the repository that contains it. */
export async function readAtRevision(file: string, rev: string): Promise<string> {
  // A revision starting with '-' would reach git as an option (`--output=...` writes files).
  if (rev.startsWith('-')) throw new UsageError(`invalid revision '${rev}'`, 'diff');
  // git prints the root with symlinks resolved; resolve ours too so the relative path is right.
  const absolute = realpathSync(file);
  const folder = dirname(absolute);
  const root = (
    await git(folder, ['rev-parse', '--show-toplevel']).catch(() => {
      throw new InputError(`${file} is not inside a git repository`);
    })
  ).trim();
  // git wants forward slashes relative to the root, whatever the platform.
  const inRepo = relative(root, absolute).split(sep).join('/');
  try {
    return await git(root, ['show', `${rev}:${inRepo}`]);
  } catch (error) {
    throw new InputError(
      `cannot read ${inRepo} at revision ${rev}: ${(error as Error).message.replace(/^fatal: /, '')}`,
    );
  }
}
