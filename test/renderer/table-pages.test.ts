// A large table in the renderer pages and sorts through the kernel: the renderer's messages go
// to a handler standing in for the extension (client/src/table-pages.ts asks the notebook's
// kernel the same way), backed by a real in-process kernel that ran the CDNOW analysis.
import assert from 'node:assert/strict';
import type { TablePageReply, TablePageRequest } from '../../server/src/kernel';
import { createKernel, type Kernel } from '../../server/src/kernel/kernel';
import { MIME, type TablePayload } from '../../server/src/kernel/output-types';
import { cdnowCells, cdnowDir } from '../kernel/notebooks';
import { missingChromium } from '../support/chromium';
import { requirePrerequisite } from '../support/prerequisites';
import { openRendererPage, render, type RendererPage } from './harness';

describe('notebook renderer: pages of a large table from the kernel', function () {
  this.timeout(120_000);
  let kernel: Kernel;
  let payload: TablePayload;
  let r: RendererPage;
  const requests: TablePageRequest[] = [];
  let failNext = false;

  before(async function () {
    requirePrerequisite(this, missingChromium());
    kernel = createKernel({ notebookDir: cdnowDir });
    const cells = [
      ...cdnowCells(),
      { id: 'everyone', text: 'table everyone = clv { columns customer, clv, p_alive }' },
    ];
    const results = await kernel.run(cells);
    payload = results.get('everyone')!.outputs[0].data[MIME.table] as TablePayload;
    r = await openRendererPage(async (message) => {
      const request = message as TablePageRequest;
      requests.push(request);
      const reply: TablePageReply = { type: 'clv.tablePage', requestId: request.requestId };
      if (failNext) return { ...reply, error: 'the kernel is not running; run the cell again' };
      return { ...reply, page: await kernel.tablePage(request.source, request.offset, request.limit, request.sort) };
    });
  });
  after(async () => r?.close());

  const customers = (id: string) =>
    r.page.$$eval(`#${id} tbody tr td:first-child`, (tds) => tds.map((td) => td.textContent));
  const status = (id: string) => r.page.textContent(`#${id} .pager span`);

  it('shows the output rows first, then asks the kernel for rows beyond them', async () => {
    assert.equal(payload.totalRows, 2357);
    assert.equal(payload.rows.length, 50);
    await render(r.page, 'big', MIME.table, payload);
    assert.equal(await status('big'), 'rows 1–25 of 2,357');
    await r.page.click('#big .pager button:has-text("Next")');
    assert.equal(await status('big'), 'rows 26–50 of 2,357');
    assert.equal(requests.length, 0, 'the first two pages come from the output itself');
    await r.page.click('#big .pager button:has-text("Next")');
    await r.page.waitForFunction(
      () => document.querySelector('#big .pager span')?.textContent === 'rows 51–75 of 2,357',
    );
    assert.deepEqual(
      requests.map(({ source, offset, limit, sort }) => ({ source, offset, limit, sort })),
      [{ source: 'everyone', offset: 50, limit: 25, sort: undefined }],
    );
    const expected = (await kernel.tablePage('everyone', 50, 25)).rows.map((row) => String(row[0]));
    assert.deepEqual(await customers('big'), expected);
  });

  it('sorts the whole table, not only the rows at hand, and pages on in that order', async () => {
    await r.page.click('#big th:has-text("clv")');
    await r.page.waitForFunction(
      () => document.querySelector('#big .pager span')?.textContent === 'rows 1–25 of 2,357',
    );
    const sort = { column: 'clv', descending: true };
    const top = (await kernel.tablePage('everyone', 0, 50, sort)).rows.map((row) => String(row[0]));
    assert.deepEqual(await customers('big'), top.slice(0, 25));
    assert.equal(await r.page.getAttribute('#big th:has-text("clv")', 'aria-sort'), 'descending');
    await r.page.click('#big .pager button:has-text("Next")');
    await r.page.waitForFunction(
      () => document.querySelector('#big .pager span')?.textContent === 'rows 26–50 of 2,357',
    );
    assert.deepEqual(await customers('big'), top.slice(25, 50));
    assert.deepEqual(
      requests.slice(-2).map((q) => [q.offset, q.sort]),
      [
        [0, sort],
        [25, sort],
      ],
    );
    // Back to a page already fetched: no new request.
    await r.page.click('#big .pager button:has-text("Prev")');
    assert.equal(requests.length, 3);
  });

  it('says when the kernel cannot answer, and keeps working', async () => {
    failNext = true;
    await r.page.click('#big .pager button:has-text("Next")');
    await r.page.click('#big .pager button:has-text("Next")');
    await r.page.waitForFunction(() =>
      /Could not load/.test(document.querySelector('#big .pager span')?.textContent ?? ''),
    );
    assert.equal(await status('big'), 'Could not load these rows: the kernel is not running; run the cell again.');
    failNext = false;
    await r.page.click('#big .pager button:has-text("Next")');
    await r.page.waitForFunction(
      () => document.querySelector('#big .pager span')?.textContent === 'rows 76–100 of 2,357',
    );
  });

  it('pages a table through its own rows where the editor offers no messaging', async () => {
    const plain = await openRendererPage();
    try {
      await render(plain.page, 'local', MIME.table, payload);
      assert.equal(
        await plain.page.textContent('#local .pager span'),
        'rows 1–25 of 50 (2,357 in all; export the table for the rest)',
      );
    } finally {
      await plain.close();
    }
  });
});
