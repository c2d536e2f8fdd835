// A notebook written with CRLF (Windows) or lone CR (classic Mac) line breaks checks, formats
// and runs exactly as the LF one: one line break is one line everywhere (cells, lexer, positions).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, clvnb, workspace, type Workspace } from './harness';

describe('clvnb on notebooks with CRLF and CR-only line breaks', function () {
  this.timeout(120_000);
  let ws: Workspace;
  let lf: string;
  before(() => {
    buildOnce();
    ws = workspace();
    lf = readFileSync(ws.add('errors.clvnb'), 'utf8');
  });
  after(() => ws?.remove());
  // The LF notebook's output, computed once for both line-break styles.
  const once = new Map<string, ReturnType<typeof clvnb>>();
  const lfOutput = (args: string[]) =>
    once.get(args.join(' ')) ?? once.set(args.join(' '), clvnb(args, ws.dir)).get(args.join(' '))!;

  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['CR-only', '\r'],
  ] as const) {
    it(`${name}: the same diagnostics at the same lines and columns as LF`, async () => {
      const file = `errors-${name}.clvnb`;
      writeFileSync(join(ws.dir, file), lf.replaceAll('\n', eol));
      const expected = await lfOutput(['check', 'errors.clvnb']);
      const actual = await clvnb(['check', file], ws.dir);
      assert.equal(actual.stdout, expected.stdout.replaceAll('errors.clvnb', file));
      assert.equal(actual.code, 1);
    });

    it(`${name}: fmt --check passes a formatted notebook, and fmt keeps its line breaks`, async () => {
      const canonical = readFileSync(ws.add('cdnow.clvnb'), 'utf8');
      const file = `cdnow-${name}.clvnb`;
      writeFileSync(join(ws.dir, file), canonical.replaceAll('\n', eol));
      assert.equal((await clvnb(['fmt', '--check', file], ws.dir)).code, 0);
      const untidy = canonical.replace('model purchases = bgnbd(cal)', 'model  purchases=bgnbd( cal )');
      assert.notEqual(untidy, canonical);
      writeFileSync(join(ws.dir, file), untidy.replaceAll('\n', eol));
      assert.equal((await clvnb(['fmt', file], ws.dir)).code, 0);
      assert.equal(readFileSync(join(ws.dir, file), 'utf8'), canonical.replaceAll('\n', eol));
    });

    it(`${name}: runs every cell as the LF notebook does`, async () => {
      const file = `run-${name}.clvnb`;
      writeFileSync(join(ws.dir, file), readFileSync(join(ws.dir, 'cdnow.clvnb'), 'utf8').replaceAll('\n', eol));
      const [expected, actual] = [await lfOutput(['run', 'cdnow.clvnb']), await clvnb(['run', file], ws.dir)];
      assert.equal(actual.code, 0, actual.stderr);
      const withoutTimes = (out: string) => out.replace(/\d[\d,.]* ms/g, 'N ms');
      assert.match(expected.stdout, /^cell 5 \(line \d+\): ok/m);
      assert.equal(withoutTimes(actual.stdout), withoutTimes(expected.stdout));
    });
  }
});
