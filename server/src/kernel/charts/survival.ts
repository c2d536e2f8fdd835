// sBG survival: share of each cohort still active per period, observed against fitted,
// with the fitted curve extended past the observed periods (the projection).
import type { VegaLiteSpec } from '../output-types';
import { chartSpec } from './spec';

export interface SurvivalPoint {
  period: number;
  series: string;
  survival: number;
}

export function survivalChart(title: string, unit: string, points: SurvivalPoint[]): VegaLiteSpec {
  return chartSpec(title, points, {
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'quantitative', title: `${unit} since acquisition`, axis: { tickMinStep: 1 } },
      y: {
        field: 'survival',
        type: 'quantitative',
        title: 'share surviving',
        axis: { format: '%' },
        scale: { domain: [0, 1] },
      },
      color: { field: 'series', type: 'nominal', title: null },
      tooltip: [
        { field: 'series', type: 'nominal', title: 'cohort' },
        { field: 'period', type: 'quantitative', title: unit.replace(/s$/, ''), format: ',d' },
        { field: 'survival', type: 'quantitative', title: 'share surviving', format: '.1%' },
      ],
    },
  });
}
