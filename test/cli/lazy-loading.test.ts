// The command line loads what a command needs when it needs it: `--version` only the entry,
// `run` / `check` / `diff` the commands chunk, and vega with vega-lite (most of the bundle)
// only when an HTML report with charts is written. Checked on the built bundle: the modules
// each chunk statically imports, and the packages its source map says it holds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce } from './harness';
import { repoRoot } from '../language/golden';

const cli = join(repoRoot, 'dist', 'cli');
const chunk = (relative: string) => readFileSync(join(cli, relative), 'utf8');
const staticImports = (code: string) => [...code.matchAll(/^} from "\.\/(.+?\.mjs)";$/gm)].map((m) => m[1]);

/** The chunk and every chunk it statically imports (paths relative to dist/cli/chunks). */
function staticClosure(first: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of staticImports(chunk(join('chunks', name)))) visit(next);
  };
  visit(first);
  return seen;
}

/** The npm packages bundled into a chunk, from its source map. */
function packagesOf(name: string): Set<string> {
  const map = JSON.parse(chunk(join('chunks', `${name}.map`))) as { sources: string[] };
  return new Set(map.sources.flatMap((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1] ?? []));
}

describe('clvnb loads code on demand', function () {
  this.timeout(120_000);
  before(() => buildOnce());

  it('the entry imports no chunk statically but the small shared one, and the commands on demand', () => {
    const entry = chunk('clvnb.mjs');
    const commands = /import\("\.\/chunks\/(commands-[A-Z0-9]+\.mjs)"\)/.exec(entry)?.[1];
    assert.ok(commands, 'the entry imports the commands chunk dynamically');
    for (const name of [...entry.matchAll(/from "\.\/chunks\/(.+?\.mjs)"/g)].map((m) => m[1]))
      assert.ok(packagesOf(name).size === 0, `${name} is statically imported by the entry and bundles packages`);
  });

  it('running a notebook does not load vega or vega-lite', () => {
    const commands = /import\("\.\/chunks\/(commands-[A-Z0-9]+\.mjs)"\)/.exec(chunk('clvnb.mjs'))![1];
    const loaded = [...staticClosure(commands)].flatMap((name) => [...packagesOf(name)]);
    assert.ok(loaded.includes('arquero'), 'the closure is the kernel’s (it bundles arquero)');
    assert.deepEqual(
      loaded.filter((p) => p.startsWith('vega')),
      [],
    );
  });

  it('leaves no chunk of an earlier build beside the current ones', () => {
    const reachable = new Set<string>();
    const entry = chunk('clvnb.mjs');
    const roots = [...entry.matchAll(/"\.\/chunks\/(.+?\.mjs)"/g)].map((m) => m[1]);
    const visit = (name: string) => {
      if (reachable.has(name)) return;
      reachable.add(name);
      for (const m of chunk(join('chunks', name)).matchAll(/"\.\/(.+?\.mjs)"/g)) visit(m[1]);
    };
    roots.forEach(visit);
    const built = readdirSync(join(cli, 'chunks')).filter((f) => f.endsWith('.mjs'));
    assert.deepEqual(built.sort(), [...reachable].sort());
  });
});
