// A segments summary: rule, size and value per segment, with bars for the shares.
import type { SegmentsPayload } from '../../server/src/kernel/output-types';
import { formatInteger, formatMoney, formatShare, valueInterval } from '../../server/src/report/format';
import { el } from './dom';

function share(value: number): HTMLTableCellElement {
  const bar = el('span', { class: 'bar' });
  bar.style.width = `${Math.max(0, Math.min(1, value)) * 60}px`;
  return el('td', { class: 'num' }, bar, ' ', formatShare(value));
}

export function drawSegments(segments: SegmentsPayload, element: HTMLElement): void {
  const metric = segments.valueMetric;
  const head = [
    'Segment',
    'Rule',
    'Customers',
    'Share',
    `Total ${metric}`,
    `Share of ${metric}`,
    `Mean ${metric}`,
    'Mean P(alive)',
  ];
  const numeric = (i: number) => (i >= 2 ? 'num' : undefined);
  const rows = segments.segments.map((s) =>
    el(
      'tr',
      {},
      el('td', {}, el('strong', {}, s.name)),
      el('td', {}, el('code', {}, s.rule)),
      el('td', { class: 'num' }, formatInteger(s.customers)),
      share(s.share),
      el('td', { class: 'num' }, formatMoney(s.value) + valueInterval(s)),
      share(s.valueShare),
      el('td', { class: 'num' }, formatMoney(s.meanValue)),
      el('td', { class: 'num' }, s.meanPAlive === null ? '—' : s.meanPAlive.toFixed(3)),
    ),
  );
  const total = el(
    'tr',
    {},
    el('td', {}, el('strong', {}, 'Total')),
    el('td'),
    el('td', { class: 'num' }, formatInteger(segments.totalCustomers)),
    el('td'),
    el('td', { class: 'num' }, formatMoney(segments.totalValue)),
    el('td'),
    el('td'),
    el('td'),
  );
  element.append(
    el('h3', {}, `Segments ${segments.name} on ${metric}`),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { class: numeric(i) }, h)))),
      el('tbody', {}, ...rows, total),
    ),
  );
}
