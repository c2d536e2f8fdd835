// Makes the README's picture of the report from the real thing: runs `npm run demo`'s report
// (out/cdnow-report.html, which must exist) in headless Chromium and saves two views of it:
// the top (narrative, code, model summary) and the part with the charts and segments.
// Usage: npm run demo && npx tsx scripts/report-screenshot.ts
import { join } from 'node:path';
import { openInChromium } from '../test/report/browser';

const repo = join(import.meta.dirname, '..');
const opened = await openInChromium(join(repo, 'out', 'cdnow-report.html'));
try {
  await opened.page.setViewportSize({ width: 1000, height: 1500 });
  await opened.page.screenshot({ path: join(repo, 'docs', 'images', 'cdnow-report.png') });
  const chart = await opened.page.locator('svg').first().boundingBox();
  if (!chart) throw new Error('the report has no chart');
  await opened.page.screenshot({
    path: join(repo, 'docs', 'images', 'cdnow-report-charts.png'),
    fullPage: true,
    clip: { x: 0, y: Math.max(0, chart.y - 120), width: 1000, height: 1500 },
  });
} finally {
  await opened.close();
}
