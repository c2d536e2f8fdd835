// `clvnb fmt`: clv cells get the formatter's layout; every other byte of the file (front
// matter, prose, other languages' blocks, a cell with a syntax error, no final newline)
// stays as it was. The expectation is built independently: each clv fence's body replaced
// by the language formatter's output.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCell } from '../../server/src/language';
import { buildOnce, clvnb, workspace, type Workspace } from './harness';

const formattedByHand = (text: string) =>
  text.replace(/```clv\n([\s\S]*?)```/g, (_, body: string) => '```clv\n' + formatCell(body) + '```');

describe('clvnb fmt', function () {
  this.timeout(120_000);
  let ws: Workspace;
  let original: string;
  before(() => {
    buildOnce();
    ws = workspace();
    original = readFileSync(ws.add('messy.clvnb'), 'utf8');
    ws.add('cdnow.clvnb');
  });
  after(() => ws?.remove());

  it('--check lists the files that would change, writes nothing, exit 1', async () => {
    const r = await clvnb(['fmt', '--check', 'messy.clvnb', 'cdnow.clvnb'], ws.dir);
    assert.deepEqual(r, { code: 1, stdout: 'messy.clvnb\n', stderr: '1 of 2 notebooks would be reformatted\n' });
    assert.equal(readFileSync(`${ws.dir}/messy.clvnb`, 'utf8'), original);
  });

  it('rewrites only the clv cells, byte for byte elsewhere', async () => {
    const r = await clvnb(['fmt', 'messy.clvnb', 'cdnow.clvnb'], ws.dir);
    assert.deepEqual(r, { code: 0, stdout: 'messy.clvnb\n', stderr: '' });
    const after = readFileSync(`${ws.dir}/messy.clvnb`, 'utf8');
    assert.notEqual(after, original);
    assert.equal(after, formattedByHand(original));
    assert.match(after, /```python\nx {2}= {2}1 {3}# not clv: untouched\n```/);
    assert.match(after, /model broken = bgnbd\(\n/);
  });

  it('--check passes once formatted', async () => {
    assert.deepEqual(await clvnb(['fmt', '--check', 'messy.clvnb'], ws.dir), { code: 0, stdout: '', stderr: '' });
  });

  it('reports a missing file with exit 1', async () => {
    assert.deepEqual(await clvnb(['fmt', 'nope.clvnb'], ws.dir), {
      code: 1,
      stdout: '',
      stderr: 'clvnb: nope.clvnb: cannot read: no such file\n',
    });
  });

  it('refuses a notebook that is not UTF-8, naming the file and byte, and leaves it as it was', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('# Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n\n```clv\nsplit   a = b until 2020-01-01\n```\n'),
    ]);
    writeFileSync(join(ws.dir, 'latin1.clvnb'), latin1);
    const r = await clvnb(['fmt', 'latin1.clvnb'], ws.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^clvnb: latin1\.clvnb: not valid UTF-8 at byte 5: notebooks are UTF-8 text/);
    assert.deepEqual(readFileSync(join(ws.dir, 'latin1.clvnb')), latin1);
  });
});
