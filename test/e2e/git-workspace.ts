// The review scenario the diff editor test and the documentation's screenshots share: the
// fixture workspace committed to git, then one segment rule changed and a cell appended.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Makes the workspace a git repository whose working tree changes a rule and appends a cell. */
export function commitThenEdit(workspace: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: workspace });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  const file = path.join(workspace, 'cdnow.clvnb');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace('p_alive > 0.7', 'p_alive > 0.9') + '\n```clv\ntable watch = clv { columns customer, p_alive }\n```\n',
  );
}
