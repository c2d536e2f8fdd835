// The web build's data-schemas.ts (scripts/build.mjs swaps it in): in a browser the server
// reads no data files and opens no connections, so it knows no source's columns; the checker
// then skips the column checks it would make with them (no false errors), and completion
// offers no columns.
import type { SchemaAnswer } from './columns';
import type { DataSchemas as LocalDataSchemas } from './data-schemas';

const NOT_READ: SchemaAnswer = { kind: 'opaque', reason: 'sources are not read in the browser' };

export class DataSchemas implements Pick<LocalDataSchemas, keyof LocalDataSchemas> {
  constructor(_log: (message: string) => void) {}

  configure(): void {}

  onDidChange(): void {}

  of(): SchemaAnswer {
    return NOT_READ;
  }

  dateRange(): undefined {
    return undefined;
  }

  idle(): Promise<void> {
    return Promise.resolve();
  }

  fileChanged(): void {}

  dispose(): void {}
}
