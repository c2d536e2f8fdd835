// Vega-Lite charts through vega-embed, in the editor's colours, redrawn on a theme change.
// Export actions only (PNG/SVG): "open in editor" would send the data to a website.
import embed, { type Result } from 'vega-embed';
import type { VegaLiteSpec } from '../../server/src/kernel/output-types';
import { vegaThemeConfig, watchTheme } from './theme';

export interface Drawn {
  dispose(): void;
}

export async function drawChart(spec: VegaLiteSpec, element: HTMLElement): Promise<Drawn> {
  let result: Result | null = null;
  let disposed = false;
  const draw = async () => {
    result?.finalize();
    result = null;
    element.replaceChildren();
    // The spec's own config (chart-specific tweaks) wins over the theme's.
    const config = { ...vegaThemeConfig(), ...((spec.config as Record<string, unknown>) ?? {}) };
    const drawn = await embed(
      element,
      { ...spec, config },
      {
        renderer: 'svg',
        actions: { export: true, source: false, compiled: false, editor: false },
        tooltip: true,
      },
    );
    // A dispose during the await: drop what was just drawn.
    if (disposed) drawn.finalize();
    else result = drawn;
  };
  await draw();
  const unwatch = watchTheme(() => void draw());
  return {
    dispose() {
      disposed = true;
      unwatch();
      result?.finalize();
      result = null;
    },
  };
}
