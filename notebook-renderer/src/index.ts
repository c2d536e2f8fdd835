// The notebook renderer (dist/notebook-renderer/index.js, loaded by VS Code in the output
// webview): charts, tables, model and segment summaries. Browser code only; draws from the
// output's data without any network access, and builds DOM from text nodes (dom.ts).
import type { ModelPayload, SegmentsPayload, TablePayload, VegaLiteSpec } from '../../server/src/kernel/output-types';
import { MIME } from '../../server/src/kernel/output-types';
import { drawChart, type Drawn } from './chart';
import { el } from './dom';
import { drawModel } from './model';
import { drawSegments } from './segments';
import { ensureStyle } from './style';
import { drawTable } from './table';
import { pageSource, type RendererMessaging } from './table-pages';

/** The parts of VS Code's renderer API this renderer uses. */
export interface OutputItem {
  id: string;
  mime: string;
  json(): unknown;
}

export function activate(context?: RendererMessaging) {
  const drawn = new Map<string, Drawn>();
  const fetchPage = pageSource(context);
  return {
    async renderOutputItem(item: OutputItem, element: HTMLElement): Promise<void> {
      drawn.get(item.id)?.dispose();
      drawn.delete(item.id);
      ensureStyle(element.getRootNode() instanceof ShadowRoot ? (element.getRootNode() as ShadowRoot) : document);
      const root = el('div', { class: 'clv-output' });
      element.replaceChildren(root);
      try {
        switch (item.mime) {
          case MIME.vegaLite:
            drawn.set(item.id, await drawChart(item.json() as VegaLiteSpec, root));
            break;
          case MIME.table:
            drawTable(item.json() as TablePayload, root, fetchPage);
            break;
          case MIME.model:
            drawModel(item.json() as ModelPayload, root);
            break;
          case MIME.segments:
            drawSegments(item.json() as SegmentsPayload, root);
            break;
          default:
            root.append(el('div', { class: 'warn' }, `CLV renderer: no view for ${item.mime}`));
        }
      } catch (err) {
        root.replaceChildren(el('div', { class: 'warn' }, `Could not draw this output: ${(err as Error).message}`));
      }
    },
    disposeOutputItem(id?: string): void {
      // VS Code passes no id when every output is being disposed.
      const ids = id === undefined ? [...drawn.keys()] : [id];
      for (const key of ids) {
        drawn.get(key)?.dispose();
        drawn.delete(key);
      }
    },
  };
}
