// More pages of a large table, from the kernel: the renderer posts a request through VS Code's
// renderer messaging (package.json `requiresMessaging: optional`) and the extension answers
// with the page (client/src/table-pages.ts). Where the editor offers no messaging (a diff view,
// an exported notebook) tables page through the rows their output holds.
import type { TablePageReply, TablePageRequest, TablePayload, TableSort } from '../../server/src/kernel/output-types';

/** What VS Code's renderer context offers for messaging, when it does. */
export interface RendererMessaging {
  postMessage?(message: unknown): void;
  onDidReceiveMessage?(listener: (message: unknown) => void): unknown;
}

export type PageSource = (request: {
  source: string;
  offset: number;
  limit: number;
  sort?: TableSort;
}) => Promise<TablePayload>;

/** How long a page may take: sorting a million customers the first time takes a few seconds. */
const ANSWER_MS = 60_000;

export function pageSource(context: RendererMessaging | undefined): PageSource | undefined {
  const post = context?.postMessage?.bind(context);
  if (!post || !context?.onDidReceiveMessage) return undefined;
  const waiting = new Map<number, { resolve(page: TablePayload): void; reject(error: Error): void }>();
  context.onDidReceiveMessage((message) => {
    const reply = message as TablePageReply;
    if (reply?.type !== 'clv.tablePage') return;
    const request = waiting.get(reply.requestId);
    waiting.delete(reply.requestId);
    if (reply.page) request?.resolve(reply.page);
    else request?.reject(new Error(reply.error ?? 'no page'));
  });
  let lastId = 0;
  return (request) =>
    new Promise((resolve, reject) => {
      const requestId = ++lastId;
      waiting.set(requestId, { resolve, reject });
      const message: TablePageRequest = { type: 'clv.tablePage', requestId, ...request };
      post(message);
      setTimeout(() => waiting.delete(requestId) && reject(new Error('the kernel did not answer')), ANSWER_MS);
    });
}
