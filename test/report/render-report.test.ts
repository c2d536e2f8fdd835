// The report renderer on hand-made outputs: charts from the kernel's own chart builders, a
// table whose data tries to inject markup, and Markdown with raw HTML and unsafe links. The
// report is opened in headless Chromium: it must draw every chart, run no script, request
// nothing, and show hostile text as text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellResult } from '../../server/src/kernel/api';
import { barChart } from '../../server/src/kernel/charts/bar';
import { trackingChart } from '../../server/src/kernel/charts/tracking';
import { MIME, type OutputItem } from '../../server/src/kernel/output-types';
import { renderReport, type ReportNotebook } from '../../server/src/report';
import { missingChromium } from '../support/chromium';
import { requirePrerequisite } from '../support/prerequisites';
import { openInChromium, type OpenedPage } from './browser';

const HOSTILE = '<img src=x onerror=alert(1)>';

const ok = (outputs: OutputItem[]): CellResult => ({ status: 'ok', outputs, ms: 1, cached: false });

const notebook: ReportNotebook = {
  cells: [
    {
      id: 'm1',
      kind: 'markup',
      language: 'markdown',
      source:
        '# Retail CLV\n\nSee [docs](https://example.com) and [bad](javascript:alert(1)).\n\n<script>window.hacked = 1</script>\n\n![logo](https://example.com/logo.png)',
    },
    { id: 'c1', kind: 'code', language: 'clv', source: 'chart bar of tiers by clv' },
    { id: 'c2', kind: 'code', language: 'clv', source: 'table top = clv { limit 2 }' },
    { id: 'c3', kind: 'code', language: 'clv', source: 'chart tracking of purchases' },
    { id: 'c4', kind: 'code', language: 'clv', source: 'model broken = bgnbd(nothing)' },
    { id: 'c5', kind: 'code', language: 'clv', source: 'chart lorenz of broken' },
  ],
};

const results = new Map<string, CellResult>([
  [
    'c1',
    ok([
      {
        data: {
          'text/plain': 'bar chart',
          [MIME.vegaLite]: barChart('clv by tier', 'tier', { field: 'value', label: 'total CLV', format: 'money' }, [
            { category: HOSTILE, value: 10 },
            { category: 'Rest', value: 4 },
          ]),
        },
      },
    ]),
  ],
  [
    'c2',
    ok([
      {
        data: {
          'text/plain': 'table top',
          [MIME.table]: {
            title: 'top',
            columns: [
              { name: 'customer', format: 'string' },
              { name: 'clv', format: 'money' },
              { name: 'p_alive', format: 'probability' },
            ],
            rows: [
              [HOSTILE, 1234.5, 0.91234],
              ['c2', 10, 0.5],
            ],
            totalRows: 2357,
            offset: 0,
          },
        },
      },
    ]),
  ],
  [
    'c3',
    ok([
      {
        data: {
          'text/plain': 'tracking',
          [MIME.vegaLite]: trackingChart(
            'tracking',
            'weeks',
            [1, 2, 3].map((p) => ({ period: p, actual: p * 10, expected: p * 9 })),
            2,
          ),
        },
      },
    ]),
  ],
  [
    'c4',
    {
      status: 'error',
      outputs: [
        {
          data: {
            'text/plain': `1:22  unknown name ${HOSTILE}`,
            [MIME.error]: { name: 'Error', message: `1:22  unknown name ${HOSTILE}` },
          },
        },
      ],
      error: { message: `unknown name ${HOSTILE}`, cellId: 'c4' },
      ms: 0,
      cached: false,
    },
  ],
  [
    'c5',
    {
      status: 'skipped',
      outputs: [],
      error: { message: 'depends on cell 5, which failed', cellId: 'c4' },
      ms: 0,
      cached: false,
    },
  ],
]);

describe('HTML report', function () {
  this.timeout(60_000);
  let dir: string;
  let opened: OpenedPage;
  let html: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clv-report-'));
    html = await renderReport(notebook, results, {
      subtitle: 'unit.clvnb',
      generatedAt: new Date('2026-01-02T03:04:00Z'),
      generator: 'test',
    });
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    if (!missingChromium()) opened = await openInChromium(file);
  });

  after(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one file with no script and no external reference', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<(link|img|iframe)\b/i);
    assert.doesNotMatch(html, /\b(src|href)="(?!https:\/\/example\.com")/);
  });

  it('loads in Chromium without console errors or requests', function () {
    requirePrerequisite(this, missingChromium());
    assert.deepEqual(opened.consoleErrors, []);
    assert.deepEqual(opened.requests, []);
  });

  it('draws every chart with marks', async function () {
    requirePrerequisite(this, missingChromium());
    const marks = await opened.page.$$eval('figure.chart svg', (svgs) =>
      svgs.map((s) => s.querySelectorAll('g.role-mark > *').length),
    );
    assert.equal(marks.length, 2);
    for (const count of marks) assert.ok(count > 0, `a chart drew ${count} marks`);
  });

  it('shows hostile data as text, in tables, charts and errors', async function () {
    requirePrerequisite(this, missingChromium());
    const page = opened.page;
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked), undefined);
    assert.equal(await page.locator('table td').first().textContent(), HOSTILE);
    // Vega truncates long axis labels ("…"), so look for the label's start.
    assert.ok((await page.locator('figure.chart svg').first().textContent())!.includes('<img src=x onerror'));
    assert.ok((await page.locator('pre.error').textContent())!.includes(HOSTILE));
    assert.ok((await page.locator('section.markdown').textContent())!.includes('<script>window.hacked = 1</script>'));
  });

  it('keeps safe links, drops unsafe ones and images', async function () {
    requirePrerequisite(this, missingChromium());
    const hrefs = await opened.page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ['https://example.com']);
    assert.equal(await opened.page.locator('.image-placeholder').textContent(), '[image: logo]');
  });

  it('formats numbers by column format and notes a partial table', async function () {
    requirePrerequisite(this, missingChromium());
    const cells = await opened.page.$$eval('table tbody tr:first-child td', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(cells, [HOSTILE, '1,234.50', '0.912']);
    assert.equal(await opened.page.locator('p.note').textContent(), 'Rows 1–2 of 2,357.');
  });

  it('titles the report from the first heading and summarises the run', async function () {
    requirePrerequisite(this, missingChromium());
    assert.equal(await opened.page.title(), 'Retail CLV');
    assert.equal(
      await opened.page.locator('header.report p').textContent(),
      'unit.clvnb · generated 2026-01-02 03:04 UTC · 5 code cells, 1 failed, 1 skipped',
    );
    assert.equal(await opened.page.locator('.skipped').textContent(), 'Not run: depends on cell 5, which failed');
  });

  it('leaves the code out on request, and keeps a given title', async () => {
    const bare = await renderReport(notebook, results, { includeCode: false, title: 'Board pack' });
    assert.doesNotMatch(bare, /class="code"/);
    assert.match(bare, /<title>Board pack<\/title>[\s\S]*<h1>Board pack<\/h1>/);
  });
});
