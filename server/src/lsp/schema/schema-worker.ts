// Entry point of the language server's schema worker (dist/server/schema-worker.mjs): reads
// data files' headers off the server's message loop, one request at a time, for schema-reader.ts.
// Reading synchronously is fine here: this thread has nothing else to answer.
import { parentPort } from 'node:worker_threads';
import type { SourceFileSpec } from './columns';
import { readSchema } from './read-schema';

export interface SchemaRequest {
  id: number;
  spec: SourceFileSpec;
}

parentPort?.on('message', (request: SchemaRequest) => {
  parentPort!.postMessage({ id: request.id, schema: readSchema(request.spec) });
});
// Loaded: the reader starts its timeouts from here, so a slow start is not taken for a slow file.
parentPort?.postMessage({ ready: true });
