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
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'period', type: 'quantitative', title: unit },
      y: {
        field: 'survival',
        type: 'quantitative',
        title: 'share surviving',
        axis: { format: '%' },
        scale: { domain: [0, 1] },
      },
      color: { field: 'series', type: 'nominal', title: null },
    },
  });
}
