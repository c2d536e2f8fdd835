// The git revisions a notebook can be compared with: branches, tags and recent commits of the
// repository that holds it. Through VS Code's built-in git extension when it is there (it
// already knows the repository), otherwise through the `git` command line.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';

export interface Revision {
  /** What `git` and `clvnb diff` accept: a branch or tag name, or a commit hash. */
  ref: string;
  kind: 'branch' | 'tag' | 'commit';
  /** The commit's subject line, or where a branch points. */
  detail: string;
}

const RECENT_COMMITS = 20;

/** The subset of the git extension's API (vscode.git, API version 1) this file uses. */
interface GitApi {
  getRepository(uri: vscode.Uri): {
    getRefs?(query: object): Promise<{ name?: string; type: number; commit?: string; remote?: string }[]>;
    state: { refs?: { name?: string; type: number; commit?: string; remote?: string }[] };
    log(options: { maxEntries: number }): Promise<{ hash: string; message: string }[]>;
  } | null;
}

async function fromGitExtension(file: vscode.Uri): Promise<Revision[] | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  const repository = api.getRepository(file);
  if (!repository) return undefined;
  const refs = repository.getRefs ? await repository.getRefs({}) : (repository.state.refs ?? []);
  // RefType: 0 head (local branch), 1 remote head, 2 tag.
  const named = refs
    .filter((r) => r.name && r.type !== undefined)
    .map((r): Revision => ({
      ref: r.type === 1 && r.remote && !r.name!.startsWith(`${r.remote}/`) ? `${r.remote}/${r.name}` : r.name!,
      kind: r.type === 2 ? 'tag' : 'branch',
      detail: r.commit?.slice(0, 8) ?? '',
    }));
  const commits = (await repository.log({ maxEntries: RECENT_COMMITS })).map((c): Revision => ({
    ref: c.hash,
    kind: 'commit',
    detail: c.message.split('\n')[0],
  }));
  return [...named, ...commits];
}

const git = promisify(execFile);

async function fromCommandLine(file: vscode.Uri): Promise<Revision[]> {
  const cwd = path.dirname(file.fsPath);
  const refs = await git(
    'git',
    ['for-each-ref', '--format=%(refname)%09%(objectname:short)', 'refs/heads', 'refs/remotes', 'refs/tags'],
    { cwd },
  );
  const log = await git('git', ['log', `--max-count=${RECENT_COMMITS}`, '--format=%H%x09%s'], { cwd });
  const named = refs.stdout
    .split('\n')
    .filter(Boolean)
    .map((line): Revision => {
      const [full, commit] = line.split('\t');
      const kind = full.startsWith('refs/tags/') ? 'tag' : 'branch';
      return { ref: full.replace(/^refs\/(heads|remotes|tags)\//, ''), kind, detail: commit };
    });
  const commits = log.stdout
    .split('\n')
    .filter(Boolean)
    .map((line): Revision => {
      const [hash, subject] = line.split('\t');
      return { ref: hash, kind: 'commit', detail: subject };
    });
  return [...named, ...commits];
}

/** Branches and tags first, then recent commits (newest first). Empty outside a repository. */
export async function revisionsOf(file: vscode.Uri): Promise<Revision[]> {
  try {
    return (await fromGitExtension(file)) ?? (await fromCommandLine(file));
  } catch {
    return fromCommandLine(file).catch(() => []);
  }
}
