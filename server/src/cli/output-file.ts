// Writing a file the user asked for (report, results, formatted notebook): creates missing
// folders, writes to a temporary name and renames it over the target, so an interrupted run
// never leaves a half-written report or notebook behind.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors';

export async function writeOutputFile(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    throw new InputError(`cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path);
  }
}
