// Entry point of the language server's schema worker (dist/server/schema-worker.mjs): reads
// data files off the server's message loop for schema-reader.ts: a header (synchronously: this
// thread has nothing else to answer), or with `dates` a transaction file's date range, which
// takes the loader's read of the whole file.
import { parentPort } from 'node:worker_threads';
import type { DateColumns, DateRange, FileSchema, SourceFileSpec } from './columns';
import { readDateRange } from './read-date-range';
import { readSchema } from './read-schema';

export interface SchemaRequest {
  id: number;
  spec: SourceFileSpec;
  dates?: DateColumns;
}

export interface SchemaResponse {
  id: number;
  answer: FileSchema | DateRange;
}

parentPort?.on('message', (request: SchemaRequest) => {
  const reply = (answer: FileSchema | DateRange) => parentPort!.postMessage({ id: request.id, answer });
  if (request.dates) void readDateRange(request.spec, request.dates).then(reply);
  else reply(readSchema(request.spec));
});
// Loaded: the reader starts its timeouts from here, so a slow start is not taken for a slow file.
parentPort?.postMessage({ ready: true });
