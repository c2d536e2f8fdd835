// Where a notebook may write, decided here for `clvnb check` (a diagnostic on the path), the
// kernel's `export` statements, `clvnb run --html/--json` and the editor's export commands
// alike (docs/kernel.md, "Security"). Two rules:
// - an `export` statement writes inside the notebook's folder: a relative path whose real
//   location (symlinks resolved) stays in the folder's real location; absolute paths and
//   `../` are refused. (A path the user picks in a dialog or on the command line may be
//   anywhere: that is the user's explicit choice, not a notebook's.)
// - nothing is ever written onto a file the notebook reads, or onto the notebook itself:
//   comparing device and inode catches symlinks, hard links and case-insensitive names.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ModelStatement, Statement } from '../language';

/** A write the policy refuses; the message says why and what to do instead. */
export class WriteRefused extends Error {}

export const EXPORT_FORMATS = ['.csv', '.tsv', '.json', '.parquet'];

/** A file the notebook reads (or the notebook itself), and how messages name it. */
export interface ReadFile {
  path: string;
  /** e.g. "the data file of source `orders`", "the notebook itself". */
  what: string;
}

/** `path` with symlinks resolved in the part that exists (the rest does not exist yet). */
export function realPathOf(path: string): string {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      if (dirname(at) === at) return resolve(path);
      missing.push(basename(at));
    }
  }
}

const leaves = (rel: string) => rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel);

/** Absolute on this platform, or on Windows (a notebook is shared across platforms). */
const looksAbsolute = (path: string) => isAbsolute(path) || /^([a-zA-Z]:|[\\/])/.test(path);

/** The file an `export` statement's path names, or WriteRefused saying why it may not be written. */
export function exportPath(notebookDir: string, target: string): string {
  if (target.trim() === '') throw new WriteRefused('The export path is empty.');
  if (!EXPORT_FORMATS.includes(extname(target).toLowerCase()))
    throw new WriteRefused(`Cannot export to "${target}": the file name must end in ${EXPORT_FORMATS.join(', ')}.`);
  if (looksAbsolute(target))
    throw new WriteRefused(
      `The export path "${target}" is absolute; an export writes inside the notebook's folder, so give a path relative to it.`,
    );
  const full = resolve(notebookDir, target);
  if (leaves(relative(resolve(notebookDir), full)))
    throw new WriteRefused(`The export path "${target}" leaves the notebook's folder; use a path inside it.`);
  if (leaves(relative(realPathOf(notebookDir), realPathOf(full))))
    throw new WriteRefused(
      `The export path "${target}" leads out of the notebook's folder through a symbolic link; use a path inside it.`,
    );
  return full;
}

/** Whether two paths are the same file (by device and inode when both exist). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return realPathOf(a) === realPathOf(b);
  }
}

/** Throws WriteRefused when `path` is one of the files the notebook reads. */
export function refuseReadFiles(path: string, reads: ReadFile[], shown = path): void {
  const read = reads.find((r) => sameFile(path, r.path));
  if (read)
    throw new WriteRefused(
      `Refusing to write "${shown}": it is ${read.what}, which the notebook reads; write elsewhere.`,
    );
}

/** The saved fit a model's `frozen "…"` option reads, as written. */
export function frozenFitPath(s: ModelStatement): string | undefined {
  const item = s.block?.items.find((i) => i.kind === 'Option' && i.name.name === 'frozen');
  const value = item?.kind === 'Option' ? item.values[0]?.value : undefined;
  return value?.kind === 'String' ? value.value : undefined;
}

/**
 * The files a notebook reads: each source's data file, each saved fit a `frozen` model reads,
 * and the notebook itself when known.
 */
export function notebookReadFiles(statements: Iterable<Statement>, notebookDir: string, notebook?: string): ReadFile[] {
  const reads: ReadFile[] = notebook ? [{ path: notebook, what: 'the notebook itself' }] : [];
  for (const s of statements) {
    if (s.kind === 'Source' && s.path)
      reads.push({
        path: resolve(notebookDir, s.path.value),
        what: `the data file of source \`${s.name?.name ?? '?'}\``,
      });
    const frozen = s.kind === 'Model' ? frozenFitPath(s) : undefined;
    if (s.kind === 'Model' && frozen !== undefined)
      reads.push({ path: resolve(notebookDir, frozen), what: `the saved fit of model \`${s.name?.name ?? '?'}\`` });
  }
  return reads;
}
