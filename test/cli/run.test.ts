// `clvnb run` end to end on the CDNOW sample: the per-cell summary, the --json results
// against the published BG/NBD estimates, and the HTML report opened in headless Chromium
// (every chart drawn, nothing requested, no console errors), with a screenshot to look at.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openInChromium, type OpenedPage } from '../report/browser';
import { missingChromium } from '../support/chromium';
import { requirePrerequisite } from '../support/prerequisites';
import { buildOnce, clvnb, repoRoot, workspace, type CliResult, type Workspace } from './harness';

const MODEL = 'application/vnd.clv.model+json';
const SEGMENTS = 'application/vnd.clv.segments+json';
const CHART = 'application/vnd.vegalite.v5+json';

describe('clvnb run (CDNOW)', function () {
  this.timeout(300_000);
  let ws: Workspace;
  let run: CliResult;
  let results: any;
  let outputs: any[];
  let page: OpenedPage;

  before(async () => {
    buildOnce();
    ws = workspace();
    ws.add('cdnow.clvnb');
    run = await clvnb(
      ['run', 'cdnow.clvnb', '--html', 'out/report.html', '--json', 'out/results.json', '--currency', 'USD'],
      ws.dir,
    );
    results = JSON.parse(readFileSync(join(ws.dir, 'out', 'results.json'), 'utf8'));
    outputs = results.cells.flatMap((c: any) => c.outputs);
    if (!missingChromium()) page = await openInChromium(join(ws.dir, 'out', 'report.html'));
  });
  after(async () => {
    await page?.close();
    ws?.remove();
  });

  it('runs every cell and prints a per-cell summary, exit 0', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const heads = run.stdout.split('\n').filter((l) => l.startsWith('cell '));
    assert.deepEqual(
      heads.map((h) => h.replace(/, (\d+ ms|cached)$/, '')),
      [
        'cell 1 (line 9): ok',
        'cell 2 (line 22): ok',
        'cell 3 (line 27): ok',
        'cell 4 (line 33): ok',
        'cell 5 (line 47): ok',
      ],
    );
    assert.equal(run.stderr, '5 cells ran\n');
    assert.equal(results.ok, true);
  });

  it('reproduces the published BG/NBD estimates (Fader, Hardie & Lee 2005)', () => {
    const bgnbd = outputs.map((o) => o.data[MODEL]).find((m) => m?.kind === 'BG/NBD');
    const estimates = Object.fromEntries(bgnbd.parameters.map((p: any) => [p.name, Number(p.estimate.toFixed(3))]));
    assert.deepEqual(estimates, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    assert.equal(bgnbd.customers, 2357);
    assert.equal(bgnbd.converged, true);
  });

  it('puts every customer in exactly one segment', () => {
    const tiers = outputs.map((o) => o.data[SEGMENTS]).find(Boolean);
    assert.deepEqual(
      tiers.segments.map((s: any) => s.name),
      ['Champions', 'Sleeping', 'Others'],
    );
    assert.equal(
      tiers.segments.reduce((n: number, s: any) => n + s.customers, 0),
      2357,
    );
    assert.equal(tiers.totalCustomers, 2357);
  });

  it('writes a report that loads offline, without errors or requests', function () {
    requirePrerequisite(this, missingChromium());
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.requests, []);
  });

  it('draws every chart of the run as SVG with marks', async function () {
    requirePrerequisite(this, missingChromium());
    // The three chart statements, plus the charts the model outputs carry (holdout check, tracking).
    const charts = outputs.filter((o) => o.data[CHART]).length;
    assert.ok(charts >= 3, `${charts} charts`);
    const marks = await page.page.$$eval('figure.chart svg', (svgs) =>
      svgs.map((s) => s.querySelectorAll('g.role-mark > *').length),
    );
    assert.equal(marks.length, charts);
    for (const count of marks) assert.ok(count > 0);
  });

  it('shows the prose, the model summary and the segments with formatted figures', async function () {
    requirePrerequisite(this, missingChromium());
    assert.equal(await page.page.title(), 'CDNOW customer value');
    assert.equal(await page.page.locator('section.markdown strong').first().textContent(), 'BG/NBD');
    const params = await page.page.$$eval('section.model table:first-of-type tbody tr', (rows) =>
      rows.map((r) => r.querySelector('td')!.textContent),
    );
    assert.ok(params.includes('r') && params.includes('alpha'));
    const total = await page.page.locator('section.segments tr.total td').nth(2).textContent();
    assert.equal(total, '2,357');
    assert.match((await page.page.locator('section.segments tr.total td').nth(4).textContent())!, /^\$[\d,]+\.\d\d$/);
  });

  it('saves a screenshot of the report', async function () {
    requirePrerequisite(this, missingChromium());
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.page.screenshot({ path: join(repoRoot, 'test-results', 'report.png'), fullPage: true });
  });
});
