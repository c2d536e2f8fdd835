// Common frame of every chart the kernel emits: one Vega-Lite spec with its (already
// aggregated) data inlined, a fixed size (the HTML report renders headless, where a
// "container" width would be zero) and the title the notebook gave.
import type { VegaLiteSpec } from '../output-types';

/** The bundled vega-lite's major version (a test checks it against package.json). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Largest number of points a chart may inline (see ARCHITECTURE.md: charts carry aggregates). */
export const MAX_CHART_POINTS = 5000;

export function chartSpec(title: string, values: object[], body: Record<string, unknown>): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: 480,
    height: 300,
    data: { values },
    ...body,
  };
}
