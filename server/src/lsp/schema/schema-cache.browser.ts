// The web build's schema-cache.ts (scripts/build.mjs swaps it in): in a browser the server
// reads no data files, so it knows no source's columns; the checker then skips the
// column checks it would make with them (no false errors), and completion offers no columns.
import type { FileSchema } from './columns';
import type { SchemaCache as LocalSchemaCache } from './schema-cache';

const NOT_READ: FileSchema = { kind: 'opaque', reason: 'data files are not read in the browser' };

export class SchemaCache implements Pick<LocalSchemaCache, keyof LocalSchemaCache> {
  constructor(_log: (message: string) => void) {}

  onDidChange(_listener: () => void): void {}

  get(): FileSchema {
    return NOT_READ;
  }

  fileChanged(_uri: string): void {}

  dispose(): void {}
}
