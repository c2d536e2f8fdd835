// Data in the report is text, never markup: a customer id and a segment label that look like
// HTML are shown literally in tables, summaries and charts, and nothing runs or loads.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openInChromium, type OpenedPage } from '../report/browser';
import { missingChromium } from '../support/chromium';
import { requirePrerequisite } from '../support/prerequisites';
import { buildOnce, cdnowData, clvnb, workspace, type Workspace } from './harness';

const HOSTILE_ID = '<img src=x onerror=alert(1)>';

/** CDNOW as CSV, with customer 0001 renamed to an HTML snippet. */
function hostileCsv(): string {
  const rows = readFileSync(cdnowData, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id, date, , sales] = line.trim().split(/\s+/);
      return `"${id === '0001' ? HOSTILE_ID : id}",${date},${sales}`;
    });
  return ['customer,date,sales', ...rows].join('\n') + '\n';
}

describe('clvnb run: hostile data in the report', function () {
  this.timeout(300_000);
  let ws: Workspace;
  let page: OpenedPage;
  let html: string;

  before(async () => {
    buildOnce();
    ws = workspace();
    ws.add('hostile.clvnb');
    writeFileSync(join(ws.dir, 'data', 'hostile.csv'), hostileCsv());
    const r = await clvnb(['run', 'hostile.clvnb', '--html', 'report.html'], ws.dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    html = readFileSync(join(ws.dir, 'report.html'), 'utf8');
    if (!missingChromium()) page = await openInChromium(join(ws.dir, 'report.html'));
  });
  after(async () => {
    await page?.close();
    ws?.remove();
  });

  it('contains no markup from the data', () => {
    assert.doesNotMatch(html, /<img|<b>VIP/);
  });

  it('shows the customer id and the label as text', async function () {
    requirePrerequisite(this, missingChromium());
    assert.equal(await page.page.locator('img, b').count(), 0);
    const row = await page.page.$$eval('table:has(caption) tbody tr', (trs) =>
      trs
        .filter((tr) => tr.closest('table')!.caption!.textContent === 'suspicious')
        .map((tr) => tr.querySelector('td')!.textContent),
    );
    assert.deepEqual(row, [HOSTILE_ID]);
    assert.equal(
      await page.page.locator('section.segments tbody tr:first-child td strong').textContent(),
      '<b>VIP</b>',
    );
    assert.equal(await page.page.locator('figure.chart svg', { hasText: '<b>VIP</b>' }).count(), 1);
  });

  it('runs no script and requests nothing', function () {
    requirePrerequisite(this, missingChromium());
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.requests, []);
  });
});
