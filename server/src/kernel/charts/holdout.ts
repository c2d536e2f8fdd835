// Calibration-vs-holdout check: for each group of customers with the same number of repeat
// purchases in calibration, actual and expected mean purchases in the holdout, side by side.
import type { VegaLiteSpec } from '../output-types';
import { chartSpec } from './spec';

export interface FrequencyGroup {
  frequency: string;
  actual: number;
  expected: number;
}

export function holdoutChart(title: string, groups: FrequencyGroup[]): VegaLiteSpec {
  const values = groups.flatMap((g) => [
    { frequency: g.frequency, series: 'actual', purchases: g.actual },
    { frequency: g.frequency, series: 'expected', purchases: g.expected },
  ]);
  return chartSpec(title, values, {
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'frequency', type: 'ordinal', sort: groups.map((g) => g.frequency), title: 'repeat purchases in calibration' },
      xOffset: { field: 'series' },
      y: { field: 'purchases', type: 'quantitative', title: 'mean purchases in holdout' },
      color: { field: 'series', type: 'nominal', title: null },
    },
  });
}
