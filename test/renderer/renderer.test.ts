// The notebook renderer in a real browser: tables (formatting, sorting, paging), charts
// (vega draws SVG marks), theme switching, model and segment summaries, and escaping of data.
import assert from 'node:assert/strict';
import type { ModelPayload, SegmentsPayload, TablePayload } from '../../server/src/kernel/output-types';
import { MIME } from '../../server/src/kernel/output-types';
import { missingChromium } from '../support/chromium';
import { requirePrerequisite } from '../support/prerequisites';
import { openRendererPage, render, type RendererPage } from './harness';

const XSS = '<img src=x onerror="window.__pwned=1">';

const table: TablePayload = {
  title: 'Top customers',
  columns: [
    { name: 'customer', format: 'string' },
    { name: 'clv', format: 'money' },
    { name: 'p_alive', format: 'probability' },
    { name: 'share', format: 'percent' },
  ],
  // 60 rows: customer c1..c60, clv rising with a twist so sorting is visible; one hostile id.
  rows: Array.from({ length: 60 }, (_, i) => [
    i === 7 ? XSS : `c${i + 1}`,
    ((i * 37) % 60) * 10.5 + 1234.5,
    (i % 10) / 10,
    i / 100,
  ]),
  totalRows: 60,
  offset: 0,
};

const chart = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  data: {
    values: [
      { tier: 'Champions', clv: 120 },
      { tier: XSS, clv: 40 },
      { tier: 'Lapsed', clv: 5 },
    ],
  },
  mark: 'bar',
  encoding: { x: { field: 'tier', type: 'nominal' }, y: { field: 'clv', type: 'quantitative' } },
};

const model: ModelPayload = {
  name: 'purchases',
  kind: 'BG/NBD',
  parameters: [
    {
      name: 'r',
      estimate: 0.2426,
      standardError: 0.0126,
      low: 0.2228,
      high: 0.2642,
      description: 'shape of the purchase-rate distribution',
    },
    { name: 'alpha', estimate: 4.4136, standardError: 0.378 },
  ],
  logLikelihood: -9582.43,
  converged: true,
  iterations: 31,
  gradientNorm: 1.2e-6,
  fitMs: 42,
  customers: 2357,
  holdout: {
    unit: 'weeks',
    byFrequency: [{ frequency: '0', customers: 1411, actual: 0.236, expected: 0.225 }],
    cumulative: [],
    calibrationEndPeriod: 39,
  },
};

const segments: SegmentsPayload = {
  name: 'tiers',
  valueMetric: 'clv',
  segments: [
    {
      name: 'Champions',
      rule: 'clv in top 10% and p_alive > 0.7',
      customers: 236,
      share: 0.1,
      value: 50000,
      valueShare: 0.6,
      meanValue: 211.86,
      meanPAlive: 0.85,
    },
    {
      name: XSS,
      rule: 'otherwise',
      customers: 2121,
      share: 0.9,
      value: 33333,
      valueShare: 0.4,
      meanValue: 15.72,
      meanPAlive: null,
    },
  ],
  totalCustomers: 2357,
  totalValue: 83333,
};

describe('notebook renderer in Chromium', function () {
  this.timeout(60_000);
  let r: RendererPage;
  before(async function () {
    requirePrerequisite(this, missingChromium());
    r = await openRendererPage();
  });
  after(async () => r?.close());

  it('puts a warning banner first in the summary of a model that did not converge', async () => {
    await render(r.page, 'm0', MIME.model, { ...model, converged: false, iterations: 3 });
    // The first text the summary shows is the warning.
    const first = await r.page.$eval('#m0 .warn.banner', (e) => ({
      text: e.textContent,
      before: (e.closest('#m0')!.textContent ?? '').indexOf(e.textContent ?? ''),
    }));
    assert.equal(first.before, 0);
    assert.match(first.text ?? '', /did not converge after 3 iterations/);
  });

  it("says where a frozen model's parameters came from, and calls it frozen rather than converged", async () => {
    const fittedOn = {
      unit: 'weeks',
      returns: 'exclude',
      calibrationStart: '1997-01-01',
      calibrationEnd: '1997-09-30',
      fingerprint: '0123456789abcdef0123456789abcdef01234567',
    };
    await render(r.page, 'mf', MIME.model, {
      ...model,
      iterations: 0,
      frozen: {
        file: 'fits/q3.fit.json',
        role: 'read',
        fittedOn,
        fittedCustomers: 2357,
        fittedLogLikelihood: -9582.43,
      },
    });
    assert.match((await r.page.textContent('#mf h3')) ?? '', /BG\/NBD model purchases — frozen/);
    assert.match(
      (await r.page.textContent('#mf')) ?? '',
      /Frozen parameters from "fits\/q3\.fit\.json", not fitted here: fitted on 2,357 customers \(time in weeks, calibration 1997-01-01 to 1997-09-30, returns exclude; data 0123456789ab\)/,
    );
  });

  it('says "No rows." for an empty table (not "rows 1–0 of 0")', async () => {
    await render(r.page, 't0', MIME.table, { ...table, rows: [], totalRows: 0 });
    assert.equal(((await r.page.textContent('#t0 .pager')) ?? '').trim(), 'No rows.');
  });

  it('draws a table with formatted money, probabilities and percentages, one page at a time', async () => {
    await render(r.page, 't1', MIME.table, table);
    const rows = await r.page.$$eval('#t1 tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent)),
    );
    assert.equal(rows.length, 25, 'first page only');
    assert.deepEqual(rows[0], ['c1', '1,234.50', '0.000', '0.0%']);
    assert.deepEqual(rows[1], ['c2', '1,623.00', '0.100', '1.0%']);
    assert.match((await r.page.textContent('#t1 .pager')) ?? '', /rows 1–25 of 60/);
    await r.page.click('#t1 .pager button:has-text("Next")');
    assert.equal(await r.page.textContent('#t1 tbody tr:first-child td:first-child'), 'c26');
    await r.page.click('#t1 .pager button:has-text("Next")');
    assert.equal(await r.page.$$eval('#t1 tbody tr', (trs) => trs.length), 10, 'last page holds the remaining 10 rows');
  });

  it('sorts by a clicked header, numeric columns descending first, and reverses on a second click', async () => {
    await render(r.page, 't2', MIME.table, table);
    const clv = () =>
      r.page.$$eval('#t2 tbody tr td:nth-child(2)', (tds) => tds.map((td) => Number(td.textContent.replace(/,/g, ''))));
    await r.page.click('#t2 th:has-text("clv")');
    const descending = await clv();
    const expected = table.rows
      .map((row) => row[1] as number)
      .sort((a, b) => b - a)
      .slice(0, 25);
    assert.deepEqual(descending, expected);
    await r.page.click('#t2 th:has-text("clv")');
    const ascending = await clv();
    assert.deepEqual(
      ascending,
      table.rows
        .map((row) => row[1] as number)
        .sort((a, b) => a - b)
        .slice(0, 25),
    );
    assert.equal(await r.page.getAttribute('#t2 th:has-text("clv")', 'aria-sort'), 'ascending');
    assert.deepEqual(await r.page.$$eval('#t2 th', (ths) => ths.map((th) => th.textContent)), [
      'customer',
      'clv ▲',
      'p_alive',
      'share',
    ]);
  });

  it("marks the table's own order (sort clv desc) with an arrow, and a click on it reverses it", async () => {
    const own = [...table.rows].sort((a, b) => (b[1] as number) - (a[1] as number));
    await render(r.page, 'own', MIME.table, { ...table, rows: own, sort: { column: 'clv', descending: true } });
    const headers = () => r.page.$$eval('#own th', (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(await headers(), ['customer', 'clv ▼', 'p_alive', 'share']);
    assert.equal(await r.page.getAttribute('#own th:has-text("clv")', 'aria-sort'), 'descending');
    await r.page.click('#own th:has-text("clv")');
    assert.deepEqual(await headers(), ['customer', 'clv ▲', 'p_alive', 'share']);
    const first = await r.page.textContent('#own tbody tr:first-child td:nth-child(2)');
    assert.equal(first, '1,234.50');
    await r.page.click('#own th:has-text("p_alive")');
    assert.deepEqual(await headers(), ['customer', 'clv', 'p_alive ▼', 'share']);
  });

  it('shows hostile data as text, never as markup', async () => {
    await render(r.page, 't3', MIME.table, table);
    await render(r.page, 's1', MIME.segments, segments);
    await render(r.page, 'c1', MIME.vegaLite, chart);
    assert.equal(await r.page.$$eval('img', (imgs) => imgs.length), 0, 'no <img> element was created from data');
    assert.equal(await r.page.textContent('#t3 tbody tr:nth-child(8) td:first-child'), XSS);
    assert.equal(await r.page.textContent('#s1 tbody tr:nth-child(2) strong'), XSS);
    assert.equal(await r.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  it('draws a Vega-Lite chart as SVG marks, with export actions but no editor link', async () => {
    await render(r.page, 'c2', MIME.vegaLite, chart);
    await r.page.waitForSelector('#c2 svg .mark-rect path');
    assert.equal(await r.page.$$eval('#c2 svg .mark-rect path', (p) => p.length), 3, 'one bar per row');
    const actions = await r.page.$$eval('#c2 .vega-actions a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(actions, ['Save as SVG', 'Save as PNG']);
  });

  it('follows the theme: switching body class to dark redraws the chart in the new colours', async () => {
    await render(r.page, 'c3', MIME.vegaLite, chart);
    const labelColour = () => r.page.$eval('#c3 svg .role-axis-label text', (t) => t.getAttribute('fill'));
    await r.page.evaluate(() => {
      document.body.style.setProperty('--vscode-editor-foreground', '#616161');
      document.body.style.setProperty('--vscode-editor-background', '#fffffe');
    });
    await render(r.page, 'c3b', MIME.vegaLite, chart);
    const light = { label: await r.page.$eval('#c3b svg .role-axis-label text', (t) => t.getAttribute('fill')) };
    assert.equal(light.label, '#616161');
    await r.page.evaluate(() => {
      document.body.style.setProperty('--vscode-editor-foreground', '#cccccc');
      document.body.style.setProperty('--vscode-editor-background', '#1f1f1f');
      document.body.className = 'vscode-dark';
    });
    await r.page.waitForFunction(
      () => document.querySelector('#c3 svg .role-axis-label text')?.getAttribute('fill') === '#cccccc',
    );
    assert.equal(await labelColour(), '#cccccc');
    assert.equal(await r.page.$eval('#c3 svg.marks', (e) => e.style.backgroundColor), 'rgb(31, 31, 31)');
    await r.page.evaluate(() => (document.body.className = 'vscode-light'));
  });

  it('draws a model summary and a segments summary', async () => {
    await render(r.page, 'm1', MIME.model, model);
    assert.match((await r.page.textContent('#m1 h3')) ?? '', /BG\/NBD model purchases — converged/);
    const params = await r.page.$$eval('#m1 table:first-of-type tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent)),
    );
    assert.deepEqual(params[0], [
      'r',
      '0.2426',
      '0.0126',
      '[0.2228, 0.2642]',
      'shape of the purchase-rate distribution',
    ]);
    // A parameter without an interval (no covariance) shows a dash.
    assert.equal(params[1][3], '—');
    assert.match((await r.page.textContent('#m1')) ?? '', /2,357 customers · log-likelihood -9,582.43/);
    await render(r.page, 's2', MIME.segments, segments);
    const first = await r.page.$$eval('#s2 tbody tr:first-child td', (tds) => tds.map((td) => td.textContent.trim()));
    assert.deepEqual(first, [
      'Champions',
      'clv in top 10% and p_alive > 0.7',
      '236',
      '10.0%',
      '50,000.00',
      '60.0%',
      '211.86',
      '0.850',
    ]);
  });

  it('finalizes charts on dispose and loads nothing from the network', async () => {
    await r.page.evaluate(() =>
      (window as unknown as { renderer: { disposeOutputItem(id?: string): void } }).renderer.disposeOutputItem(),
    );
    assert.deepEqual(r.foreignRequests, []);
  });
});
