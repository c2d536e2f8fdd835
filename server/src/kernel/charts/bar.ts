// Bar chart of one number per category (a metric aggregated per segment), in the
// segments' own order (first-match-wins order), not alphabetical.
import type { VegaLiteSpec } from '../output-types';
import { channel, tooltip, type Measure } from './presentation';
import { chartSpec } from './spec';

export interface BarDatum {
  category: string;
  value: number;
}

/** `value`: what the bars measure (field `value`). */
export function barChart(title: string, categoryTitle: string, value: Measure, bars: BarDatum[]): VegaLiteSpec {
  const measure = { ...value, field: 'value' };
  return chartSpec(title, bars, {
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'category',
        type: 'nominal',
        sort: bars.map((b) => b.category),
        title: categoryTitle,
        axis: { labelAngle: -30 },
      },
      y: channel(measure),
      tooltip: [{ field: 'category', type: 'nominal', title: categoryTitle }, tooltip(measure)],
    },
  });
}
