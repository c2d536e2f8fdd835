// Schemas of data files, read once and kept until the file changes on disk. Changes are seen
// by watching each referenced file's FOLDER (not the file): a folder watch also reports a
// file being created (a missing file appearing), deleted, or replaced by an editor's atomic
// save (write a temp file, rename over), which a watch on the file itself loses. This works
// with any client; workspace/didChangeWatchedFiles from a client that sends it is honoured too.
// Reads are asynchronous (schema-reader.ts): until a file's header has been read, its columns
// are not known, and the programs are checked again when it arrives. A transaction file's date
// range (the whole file read by the loader, for split-outside-data) is cached and forgotten alike.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DateColumns, DateRange, FileSchema, SchemaAnswer, SourceFileSpec } from './columns';
import { ReadCache } from './read-cache';
import { RETRY_AFTER_MS } from './read-timeout';
import type { SchemaReader } from './schema-reader';

/**
 * `arrived`: a read asked for has ended (only programs that were waiting for one need a new
 * check); `changed`: a file read before changed on disk (every program may be affected).
 */
export type SchemaChange = 'arrived' | 'changed';

export class SchemaCache {
  private readonly schemas: ReadCache<FileSchema>;
  private readonly ranges: ReadCache<DateRange>;
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly listeners: ((change: SchemaChange) => void)[] = [];

  constructor(
    reader: Pick<SchemaReader, 'read' | 'readDateRange'>,
    private readonly log: (message: string) => void,
  ) {
    this.schemas = new ReadCache(
      (key) => reader.read(JSON.parse(key) as SourceFileSpec),
      () => this.notify('arrived'),
      (schema) => (schema.kind === 'timeout' ? RETRY_AFTER_MS : Infinity),
    );
    this.ranges = new ReadCache(
      (key) => {
        const { spec, dates } = JSON.parse(key) as { spec: SourceFileSpec; dates: DateColumns };
        return reader.readDateRange(spec, dates);
      },
      () => this.notify('arrived'),
      (range) => (range.kind === 'failed' ? RETRY_AFTER_MS : Infinity),
    );
  }

  /** Called whenever a file's header arrives, or a file this cache has read changes (after it was forgotten). */
  onDidChange(listener: (change: SchemaChange) => void): void {
    this.listeners.push(listener);
  }

  get(spec: SourceFileSpec): SchemaAnswer {
    this.watchFolder(dirname(spec.path));
    return this.schemas.peek(JSON.stringify(spec)) ?? { kind: 'reading' };
  }

  /** A transaction file's date range; undefined while the file is being read. */
  dateRange(spec: SourceFileSpec, dates: DateColumns): DateRange | undefined {
    this.watchFolder(dirname(spec.path));
    return this.ranges.peek(JSON.stringify({ spec, dates }));
  }

  /** Resolves when no header is being read (date ranges, which take longer, are not waited for). */
  idle(): Promise<void> {
    return this.schemas.idle();
  }

  private watchFolder(folder: string): void {
    if (this.watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_event, file) => this.changed(folder, file?.toString()));
      watcher.on('error', (error) => this.log(`watching ${folder}: ${error.message}`));
      this.watchers.set(folder, watcher);
    } catch {
      // The folder does not exist (yet): the path is reported missing; nothing to watch.
    }
  }

  private changed(folder: string, file: string | undefined): void {
    // Some platforms give no file name: then any file of the folder may have changed.
    this.forget((path) => dirname(path) === folder && (file === undefined || basename(path) === file));
  }

  /** A client's file event (workspace/didChangeWatchedFiles): the same as a watch event. */
  fileChanged(uri: string): void {
    if (!uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    this.forget((cached) => cached === path);
  }

  private forget(matches: (path: string) => boolean): void {
    const schemas = this.schemas.forget((key) => matches((JSON.parse(key) as SourceFileSpec).path));
    const ranges = this.ranges.forget((key) => matches((JSON.parse(key) as { spec: SourceFileSpec }).spec.path));
    if (schemas || ranges) this.notify('changed');
  }

  private notify(change: SchemaChange): void {
    for (const listener of this.listeners) listener(change);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
