// The kernel worker's entry point (built to dist/kernel/worker.mjs): the real kernel behind
// the message protocol. See worker-serve.ts and protocol.ts.
import { createKernel } from './kernel';
import { serveKernel } from './worker-serve';

serveKernel(createKernel);
