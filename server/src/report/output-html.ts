// One cell output (a MIME bundle) → HTML, choosing the richest type the report can draw and
// falling back to the bundle's `text/plain` summary, which every bundle has.
import { MIME, type OutputItem, type VegaLiteSpec } from '../kernel/output-types';
import { renderChartSvg } from './chart-svg';
import { escapeHtml } from './escape';
import { renderMarkdown } from './markdown';
import { renderModel } from './model-html';
import { renderSegments } from './segments-html';
import { renderTable } from './table-html';

/** A chart that cannot be drawn becomes a visible error in its place, not a failed report. */
async function renderChart(spec: VegaLiteSpec, summary: string): Promise<string> {
  try {
    return `<figure class="chart">${await renderChartSvg(spec)}</figure>`;
  } catch (error) {
    return `<pre class="error">Chart "${escapeHtml(summary)}" could not be drawn: ${escapeHtml((error as Error).message)}</pre>`;
  }
}

export async function renderOutput(item: OutputItem, currency?: string): Promise<string> {
  const data = item.data;
  const chart = data[MIME.vegaLite];
  const model = data[MIME.model];
  const segments = data[MIME.segments];
  const table = data[MIME.table];
  const markdown = data[MIME.markdown];
  if (chart) return renderChart(chart, data[MIME.text]);
  if (model) return renderModel(model);
  if (segments) return renderSegments(segments, currency);
  if (table) return renderTable(table, currency);
  if (markdown !== undefined) return `<div class="markdown">${renderMarkdown(markdown)}</div>`;
  const text = escapeHtml(data[MIME.text]);
  if (MIME.error in data) return `<pre class="error">${text}</pre>`;
  return `<pre class="text">${text}</pre>`;
}
