// A source that names a FIFO, a folder or a device is an error with what it is, never a
// hang: the language server (real process, real LSP traffic) publishes the error and keeps
// answering other notebooks, and `clvnb check` and `clvnb run` report it and exit 1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { buildOnce as buildCli, clvnb } from '../cli/harness';
import { buildOnce, notebookUriIn, TestClient } from './harness';

const source = (path: string) =>
  `source orders = csv "${path}" {\n  customer = id\n  date     = day\n}\nsplit cal = orders until 2024-01-01`;

const REASONS: Record<string, string> = {
  'pipe.csv': 'it is a named pipe (FIFO), not a regular file; point the source at a data file',
  'folder.csv': 'it is a folder, not a regular file; point the source at a data file',
  '/dev/zero': 'it is a device, not a regular file; point the source at a data file',
};

describe('special files as sources (FIFO, folder, device)', function () {
  this.timeout(120_000);
  let dir: string;
  let client: TestClient;

  before(async () => {
    buildOnce();
    buildCli();
    dir = mkdtempSync(join(tmpdir(), 'clv-special-'));
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    mkdirSync(join(dir, 'folder.csv'));
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [path, reason] of Object.entries(REASONS)) {
    it(`the language server reports ${path} and keeps answering`, async () => {
      const [cell] = await client.openNotebook(notebookUriIn(dir, `${path.replace(/\W/g, '-')}.clvnb`), [source(path)]);
      const diagnostics = await client.until(cell, (d) => d.some((x) => x.code === 'missing-file'), 10_000);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'missing-file').map((d) => d.message),
        [`cannot read the data file "${path}": ${reason}`],
      );
      // An unrelated notebook is still served promptly.
      const [other] = await client.openNotebook(notebookUriIn(dir, `other-${path.replace(/\W/g, '-')}.clvnb`), [
        'model m = bgnbd(cal)',
      ]);
      const hover = await client.connection.sendRequest<Hover>('textDocument/hover', {
        textDocument: { uri: other },
        position: { line: 0, character: 12 },
      });
      assert.match((hover.contents as MarkupContent).value, /BG\/NBD/);
    });
  }

  it('clvnb check and run report a FIFO source and exit 1 instead of hanging', async () => {
    writeFileSync(join(dir, 'fifo.clvnb'), '```clv\n' + source('pipe.csv') + '\n```\n');
    const check = await clvnb(['check', 'fifo.clvnb'], dir);
    assert.equal(check.code, 1);
    assert.equal(
      check.stdout,
      `fifo.clvnb:2:21: error: cannot read the data file "pipe.csv": ${REASONS['pipe.csv']}\n`,
    );
    const run = await clvnb(['run', 'fifo.clvnb'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /it is a named pipe \(FIFO\), not a regular file/);
  });
});
