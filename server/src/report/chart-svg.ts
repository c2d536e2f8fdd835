// Charts for the report: the kernel's Vega-Lite spec compiled with vega-lite and drawn to an
// SVG string by vega's headless renderer, so the report needs no JavaScript to show them and
// prints sharply. The loader refuses every fetch: specs carry their data inline, and a spec
// that asked for a URL must fail here rather than make the report depend on the network.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../kernel/output-types';

const offlineLoader = vega.loader();
offlineLoader.load = async (uri: string) => {
  throw new Error(`charts in a report cannot load external data (${uri})`);
};

export async function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  const runtime = vega.parse(compile(spec as unknown as TopLevelSpec).spec);
  const view = new vega.View(runtime, { renderer: 'none', loader: offlineLoader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
