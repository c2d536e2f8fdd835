// Command names agree: every "CLV: …" command that docs, samples and messages tell the user to
// run is one the extension contributes, under that exact title (package.json's category and
// title), so "CLV: New Notebook from Sample" cannot name a command the palette does not have.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../cli/harness';

interface Contributed {
  command: string;
  title: string;
  category?: string;
}

function files(dir: string, extensions: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'data' ? [] : files(path, extensions);
    return extensions.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

describe('command names', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const titles = new Set(
    (manifest.contributes.commands as Contributed[]).map((c) => `${c.category ? `${c.category}: ` : ''}${c.title}`),
  );

  it('every "CLV: …" command the docs, samples and code name is a contributed title', () => {
    const places = [
      join(repoRoot, 'README.md'),
      ...files(join(repoRoot, 'docs'), ['.md']),
      ...files(join(repoRoot, 'samples'), ['.md', '.clvnb']),
      ...files(join(repoRoot, 'client', 'src'), ['.ts']),
      ...files(join(repoRoot, 'server', 'src'), ['.ts']),
    ];
    const named: string[] = [];
    const unknown: string[] = [];
    for (const file of places) {
      // A title is "CLV: " and capitalised words, ending at the first character that is neither
      // a letter, a space nor the ellipsis that marks a command asking more.
      for (const [title] of readFileSync(file, 'utf8').matchAll(/CLV: [A-Z][A-Za-z]*(?: [A-Za-z]+)*…?/g)) {
        named.push(title);
        if (!titles.has(title)) unknown.push(`${relative(repoRoot, file)}: ${title}`);
      }
    }
    assert.ok(named.length >= 5, `found only ${named.length} command names: is the pattern right?`);
    assert.deepEqual(unknown, [], `contributed: ${[...titles].join(', ')}`);
  });
});
