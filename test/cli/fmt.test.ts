// `clvnb fmt`: clv cells get the formatter's layout; every other byte of the file (front
// matter, prose, other languages' blocks, a cell with a syntax error, no final newline)
// stays as it was. The expectation is built independently: each clv fence's body replaced
// by the language formatter's output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
});
