// Writing a file the user asked for (report, results, formatted notebook) through the one
// atomic writer (files/atomic-write.ts): an interrupted run never leaves a half-written report
// or notebook, a symlinked notebook stays a symlink, and a file's permissions are kept.
import { writeSync } from 'node:fs';
import { writeFileAtomic } from '../files/atomic-write';
import { InputError } from './errors';

export async function writeOutputFile(path: string, content: string): Promise<void> {
  try {
    writeFileAtomic(path, (fd) => writeSync(fd, content));
  } catch (error) {
    throw new InputError(`cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path);
  }
}
