// A segments summary: each segment's rule, size and value with bars for the shares, so a
// reader sees at a glance where customers and value concentrate, and a total row that
// shows the segments cover the whole base.
import type { SegmentsPayload } from '../kernel/output-types';
import { escapeHtml } from './escape';
import { formatInteger, formatMoney, formatShare, valueInterval } from './format';

function shareCell(share: number): string {
  const width = Math.max(0, Math.min(100, share * 100)).toFixed(1);
  return `<td class="num share"><span class="bar" style="width:${width}%"></span><span class="share-text">${formatShare(share)}</span></td>`;
}

export function renderSegments(segments: SegmentsPayload, currency?: string): string {
  const metric = escapeHtml(segments.valueMetric);
  const rows = segments.segments
    .map(
      (s) =>
        `<tr><td><strong>${escapeHtml(s.name)}</strong></td><td><code>${escapeHtml(s.rule)}</code></td>` +
        `<td class="num">${formatInteger(s.customers)}</td>${shareCell(s.share)}` +
        `<td class="num">${escapeHtml(formatMoney(s.value, currency) + valueInterval(s, currency))}</td>${shareCell(s.valueShare)}` +
        `<td class="num">${escapeHtml(formatMoney(s.meanValue, currency))}</td>` +
        `<td class="num">${s.meanPAlive === null ? '—' : s.meanPAlive.toFixed(3)}</td></tr>`,
    )
    .join('\n');
  const total =
    `<tr class="total"><td>Total</td><td></td><td class="num">${formatInteger(segments.totalCustomers)}</td><td class="num">100.0%</td>` +
    `<td class="num">${escapeHtml(formatMoney(segments.totalValue, currency))}</td><td class="num">100.0%</td><td></td><td></td></tr>`;
  return (
    `<section class="segments"><h3>Segments <code>${escapeHtml(segments.name)}</code> on ${metric}</h3>` +
    `<table><thead><tr><th>Segment</th><th>Rule</th><th class="num">Customers</th><th class="num">Share</th>` +
    `<th class="num">Total ${metric}</th><th class="num">Share of ${metric}</th><th class="num">Mean ${metric}</th><th class="num">Mean P(alive)</th></tr></thead>` +
    `<tbody>\n${rows}\n${total}</tbody></table></section>`
  );
}
