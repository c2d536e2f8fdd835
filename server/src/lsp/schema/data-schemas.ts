// Where the editor learns a source's columns: a data file's header (schema-cache.ts, read in
// the schema worker) or a warehouse's catalog (catalog.ts), each read asynchronously with a
// timeout and cached. Catalogs are read only when the client allows connections (a trusted
// workspace); otherwise no connection is opened at all and such a source's columns are unknown.
// The web build swaps in data-schemas.browser.ts (no disk, no worker thread, no drivers).
import type { Definition, SourceStatement } from '../../language';
import { catalogSpec, readCatalog, type CatalogSpec } from './catalog';
import type { DateColumns, DateRange, FileSchema, SchemaAnswer, SourceFileSpec } from './columns';
import { ReadCache } from './read-cache';
import { DATE_RANGE_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS, RETRY_AFTER_MS } from './read-timeout';
import { SchemaCache, type SchemaChange } from './schema-cache';
import { SchemaReader } from './schema-reader';
import { sourceFileSpec } from './source-file';

export interface SchemaSettings {
  /** How long a header or catalog read may take (initializationOptions.readTimeout). */
  timeoutMs: number;
  /** Whether catalogs may be read (initializationOptions.connections: the workspace is trusted). */
  connections: boolean;
}

// The schema worker's bundle sits beside the server's (scripts/build.mjs).
const WORKER_PATH = new URL('./schema-worker.mjs', import.meta.url);

export class DataSchemas {
  private settings: SchemaSettings = { timeoutMs: DEFAULT_READ_TIMEOUT_MS, connections: false };
  private reader: SchemaReader;
  /** Date ranges read whole files: a worker of their own, so headers never wait behind them. */
  private readonly rangeReader: SchemaReader;
  private readonly files: SchemaCache;
  private readonly catalogs: ReadCache<FileSchema>;
  private readonly listeners: ((change: SchemaChange) => void)[] = [];

  constructor(private readonly log: (message: string) => void) {
    this.reader = new SchemaReader(WORKER_PATH, this.settings.timeoutMs, log);
    this.rangeReader = new SchemaReader(WORKER_PATH, DATE_RANGE_TIMEOUT_MS, log);
    this.files = new SchemaCache(
      {
        read: (spec) => this.reader.read(spec),
        readDateRange: (spec, dates) => this.rangeReader.readDateRange(spec, dates),
      },
      log,
    );
    this.files.onDidChange((change) => this.notify(change));
    this.catalogs = new ReadCache(
      (key) => readCatalog(JSON.parse(key) as CatalogSpec, this.settings.timeoutMs),
      () => this.notify('arrived'),
      // A server that was down or slow is asked again after a while; a table's columns rarely change.
      (schema) => (schema.kind === 'columns' ? Infinity : RETRY_AFTER_MS),
    );
  }

  /** The client's settings, from `initialize`. */
  configure(settings: SchemaSettings): void {
    this.settings = settings;
    this.reader.dispose();
    this.reader = new SchemaReader(WORKER_PATH, settings.timeoutMs, this.log);
  }

  /** Called when a read arrives or a data file changed. */
  onDidChange(listener: (change: SchemaChange) => void): void {
    this.listeners.push(listener);
  }

  /** A source's columns (or why they are unknown, or `reading`); undefined when there is nothing to read. */
  of(
    source: SourceStatement,
    lookup: (name: string) => Definition | undefined,
    folder: string,
  ): SchemaAnswer | undefined {
    if (source.connection) {
      const spec = this.settings.connections ? catalogSpec(source, lookup, folder) : undefined;
      return spec && (this.catalogs.peek(JSON.stringify(spec)) ?? { kind: 'reading' });
    }
    const spec = sourceFileSpec(source, folder);
    return spec && this.files.get(spec);
  }

  /** A transaction file's date range (the whole file read in the background); undefined while it is read. */
  dateRange(spec: SourceFileSpec, dates: DateColumns): DateRange | undefined {
    return this.files.dateRange(spec, dates);
  }

  /** Resolves when no header or catalog is being read (each read ends by its timeout). */
  async idle(): Promise<void> {
    await Promise.all([this.files.idle(), this.catalogs.idle()]);
  }

  /** A client's file event (workspace/didChangeWatchedFiles). */
  fileChanged(uri: string): void {
    this.files.fileChanged(uri);
  }

  private notify(change: SchemaChange): void {
    for (const listener of this.listeners) listener(change);
  }

  dispose(): void {
    this.files.dispose();
    this.reader.dispose();
    this.rangeReader.dispose();
  }
}
