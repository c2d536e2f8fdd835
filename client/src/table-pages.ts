// Answers the renderer's requests for more pages of a table (notebook-renderer/src/table-pages.ts)
// from the notebook's kernel, which still holds the whole table. A kernel that is not running
// (restarted, or the notebook reopened) has no tables: the renderer then says to run the cell.
import * as vscode from 'vscode';
import type { TablePageReply, TablePageRequest } from '../../server/src/kernel';
import type { Kernels } from './kernels';

export function registerTablePages(kernels: Kernels): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging('clv-notebooks.renderer');
  return messaging.onDidReceiveMessage(async ({ editor, message }) => {
    const request = message as TablePageRequest;
    if (request?.type !== 'clv.tablePage') return;
    let reply: TablePageReply;
    try {
      const kernel = kernels.running(editor.notebook);
      if (!kernel) throw new Error('the kernel is not running; run the cell again');
      reply = {
        type: 'clv.tablePage',
        requestId: request.requestId,
        page: await kernel.tablePage(request.source, request.offset, request.limit, request.sort),
      };
    } catch (error) {
      reply = { type: 'clv.tablePage', requestId: request.requestId, error: (error as Error).message };
    }
    void messaging.postMessage(reply, editor);
  });
}
