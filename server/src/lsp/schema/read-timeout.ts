// How long the editor waits for a data file's header or a warehouse's catalog before it gives
// up and says so on the source. Every read runs off the message loop (a worker thread for files,
// the driver's own sockets and threads for engines), so a slow one delays only its own answer.
export const DEFAULT_READ_TIMEOUT_MS = 5000;

/** How long the editor waits for a whole transaction file's date range (split-outside-data) before it gives up. */
export const DATE_RANGE_TIMEOUT_MS = 60_000;

/** After a read failed or timed out, how long the editor waits before trying it again. */
export const RETRY_AFTER_MS = 30_000;

/** "3 s", "250 ms": a timeout as messages show it. */
export function describeTimeout(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
