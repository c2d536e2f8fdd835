// Bar chart of one number per category (a metric aggregated per segment), in the
// segments' own order (first-match-wins order), not alphabetical.
import type { VegaLiteSpec } from '../output-types';
import { chartSpec } from './spec';

export interface BarDatum {
  category: string;
  value: number;
}

export function barChart(title: string, categoryTitle: string, valueTitle: string, bars: BarDatum[]): VegaLiteSpec {
  return chartSpec(title, bars, {
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'category',
        type: 'nominal',
        sort: bars.map((b) => b.category),
        title: categoryTitle,
        axis: { labelAngle: -30 },
      },
      y: { field: 'value', type: 'quantitative', title: valueTitle },
    },
  });
}
