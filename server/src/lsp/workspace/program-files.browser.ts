// The web build's program-files.ts (scripts/build.mjs swaps it in): a notebook opened in a
// browser (vscode.dev, github.dev) has a URI, not a path, so data paths resolve as URLs
// against the notebook's; the file-system checks (a data file exists, an export may write
// there) need a disk the browser does not have, so there are none.
import type * as Local from './program-files';

export const folderOf: typeof Local.folderOf = (uri) => uri.slice(0, uri.lastIndexOf('/'));

export const dataPath: typeof Local.dataPath = (folder, written) => new URL(written, `${folder}/`).href;

export const fileDiagnostics: typeof Local.fileDiagnostics = () => [];
