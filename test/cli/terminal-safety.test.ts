// What the command line prints cannot hurt the terminal or the run: control characters from
// the data (ESC sequences in customer ids) are printed escaped, and a reader that closes the
// pipe (`clvnb run nb --html r.html | head -1`) neither crashes clvnb nor stops it writing
// the files it was asked for.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, cdnowData, clvnb, clvnbClosedStdout, workspace, type Workspace } from './harness';

/** Clears the screen, retitles the window and rings the bell, in a raw terminal. */
const ESCAPES = '\x1b[2J\x1b]0;owned\x07\x9b31m';

/** CDNOW as CSV with every customer id prefixed by terminal escapes. */
function escapedIdsCsv(): string {
  const rows = readFileSync(cdnowData, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id, date, , sales] = line.trim().split(/\s+/);
      return `${ESCAPES}${id},${date},${sales}`;
    });
  return ['customer,date,sales', ...rows].join('\n') + '\n';
}

const NOTEBOOK = `# Escapes

\`\`\`clv
source orders = csv "data/escapes.csv" {
  customer = customer
  date     = date as YYYYMMDD
  amount   = sales
}
split cal = orders until 1997-09-30, in weeks
model purchases = bgnbd(cal)
table first = purchases {
  columns customer, frequency
}
\`\`\`
`;

describe('clvnb output: control characters and closed pipes', function () {
  this.timeout(300_000);
  let ws: Workspace;

  before(() => {
    buildOnce();
    ws = workspace();
    writeFileSync(join(ws.dir, 'data', 'escapes.csv'), escapedIdsCsv());
    writeFileSync(join(ws.dir, 'escapes.clvnb'), NOTEBOOK);
  });
  after(() => ws?.remove());

  it('run prints customer ids with their control characters escaped', async () => {
    const r = await clvnb(['run', 'escapes.clvnb'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    assert.match(r.stdout, /\\x1B\[2J\\x1B\]0;owned\\x07\\x9B31m0001 /);
  });

  it('columns prints escaped values, and --json keeps the exact value in valid JSON', async () => {
    const text = await clvnb(['columns', 'data/escapes.csv'], ws.dir);
    assert.equal(text.code, 0, text.stderr);
    assert.doesNotMatch(text.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    assert.match(text.stdout, /\\x1B\[2J/);
    const json = await clvnb(['columns', 'data/escapes.csv', '--json'], ws.dir);
    assert.doesNotMatch(json.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    assert.equal(JSON.parse(json.stdout)[0].samples[0], `${ESCAPES}0001`);
  });

  it('run with a closed stdout still writes the report and the results, exit 0', async () => {
    const r = await clvnbClosedStdout(['run', 'escapes.clvnb', '--html', 'r.html', '--json', 'r.json'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|internal error/);
    assert.match(readFileSync(join(ws.dir, 'r.html'), 'utf8'), /<\/html>\s*$/);
    assert.equal(JSON.parse(readFileSync(join(ws.dir, 'r.json'), 'utf8')).ok, true);
  });

  it('check and columns with a closed stdout exit with their own codes, no crash', async () => {
    const check = await clvnbClosedStdout(['check', 'escapes.clvnb'], ws.dir);
    assert.deepEqual(check, { code: 0, stderr: '0 errors, 0 warnings in 1 notebook\n' });
    const columns = await clvnbClosedStdout(['columns', 'data/escapes.csv'], ws.dir);
    assert.deepEqual(columns, { code: 0, stderr: '' });
    assert.ok(!existsSync(join(ws.dir, 'escapes.clvnb.tmp')));
  });
});
