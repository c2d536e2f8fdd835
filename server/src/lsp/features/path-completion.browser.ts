// The web build's path-completion.ts (scripts/build.mjs swaps it in): a browser has no
// folder to list, so a path string gets no file-name completions.
import type * as Local from './path-completion';

export const pathCompletions: typeof Local.pathCompletions = () => undefined;
