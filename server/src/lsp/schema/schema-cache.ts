// Schemas of data files, read once and kept until the file changes on disk. Changes are seen
// by watching each referenced file's FOLDER (not the file): a folder watch also reports a
// file being created (a missing file appearing), deleted, or replaced by an editor's atomic
// save (write a temp file, rename over), which a watch on the file itself loses. This works
// with any client; workspace/didChangeWatchedFiles from a client that sends it is honoured too.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSchema, SourceFileSpec } from './columns';
import { readSchema } from './read-schema';

export class SchemaCache {
  private readonly schemas = new Map<string, FileSchema>();
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly log: (message: string) => void) {}

  /** Called (after the cache forgot the file) whenever a file this cache has read changes. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get(spec: SourceFileSpec): FileSchema {
    const key = JSON.stringify(spec);
    let schema = this.schemas.get(key);
    if (!schema) {
      schema = readSchema(spec);
      this.schemas.set(key, schema);
      this.watchFolder(dirname(spec.path));
    }
    return schema;
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
    let forgot = false;
    for (const key of [...this.schemas.keys()]) {
      if (matches((JSON.parse(key) as SourceFileSpec).path)) {
        this.schemas.delete(key);
        forgot = true;
      }
    }
    if (forgot) for (const listener of this.listeners) listener();
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
