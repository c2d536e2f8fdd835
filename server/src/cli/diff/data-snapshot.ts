// `clvnb diff --then-data SOURCE=FILE`: the same notebook on another snapshot of its data
// (last month's log against this month's). The "then" side is the notebook with the named
// sources' file paths replaced in their cells' text, so it runs through the kernel exactly
// like any notebook and nothing else about the source (format, columns, filters) changes.
import { relative, resolve, sep } from 'node:path';
import { parseCell, quoteString, type SourceStatement } from '../../language';
import { UsageError } from '../errors';
import { isClvCell, type LoadedNotebook } from '../notebook-io';

/** One `--then-data` override: the source, and the file it reads on each side. */
export interface DataSnapshot {
  source: string;
  /** The path as the notebook writes it. */
  now: string;
  /** The path the "then" side reads instead, relative to the notebook's folder. */
  then: string;
}

/** `SOURCE=FILE` options; FILE is relative to the working directory, as shells expect. */
export function parseSnapshotOptions(values: string[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1)
      throw new UsageError(`--then-data expects SOURCE=FILE, got '${value}'`, 'diff');
    const source = value.slice(0, at);
    if (overrides.has(source)) throw new UsageError(`--then-data names source '${source}' twice`, 'diff');
    overrides.set(source, resolve(value.slice(at + 1)));
  }
  return overrides;
}

function sourceStatements(source: string): SourceStatement[] {
  return parseCell(source).statements.filter((s): s is SourceStatement => s.kind === 'Source');
}

/**
 * The notebook with each overridden source reading its other file. Fails with the names of
 * the notebook's sources when an override names none of them.
 */
export function withDataSnapshot(
  notebook: LoadedNotebook,
  overrides: Map<string, string>,
): { notebook: LoadedNotebook; snapshots: DataSnapshot[] } {
  const snapshots: DataSnapshot[] = [];
  const cells = notebook.cells.map((cell) => {
    if (!isClvCell(cell)) return cell;
    let source = cell.source;
    // From the last statement back, so earlier offsets stay valid as the text changes.
    for (const statement of sourceStatements(cell.source).reverse()) {
      const name = statement.name?.name;
      const file = name === undefined ? undefined : overrides.get(name);
      if (file === undefined || !statement.path || name === undefined) continue;
      // Forward slashes, like paths written in notebooks, on every platform.
      const then = relative(notebook.dir, file).split(sep).join('/');
      snapshots.push({ source: name, now: statement.path.value, then });
      source = source.slice(0, statement.path.start) + quoteString(then) + source.slice(statement.path.end);
    }
    return { ...cell, source };
  });
  const unknown = [...overrides.keys()].filter((name) => !snapshots.some((s) => s.source === name));
  if (unknown.length) {
    const known = notebook.cells
      .filter(isClvCell)
      .flatMap((c) => sourceStatements(c.source).map((s) => s.name?.name))
      .filter((n): n is string => n !== undefined);
    throw new UsageError(
      `--then-data: no file source named ${unknown.map((n) => `'${n}'`).join(', ')} in ${notebook.path}` +
        (known.length ? ` (its sources: ${known.join(', ')})` : ' (it has no file sources)'),
      'diff',
    );
  }
  snapshots.sort((a, b) => a.source.localeCompare(b.source));
  return { notebook: { ...notebook, cells }, snapshots };
}
