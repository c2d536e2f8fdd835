// Where a program's data files are, and the checks that need the file system, for a server
// with a local disk. The web build of the server swaps in program-files.browser.ts (see
// scripts/build.mjs): in a browser a notebook's URI is no path and there is no disk to stat.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, SourceStatement, SplitStatement, Statement } from '../../language';
import { notebookReadFiles } from '../../files/write-policy';
import type { DateRange, SchemaAnswer } from '../schema/columns';
import { schemaDiagnostics } from '../schema/schema-diagnostics';

/** The notebook's (or file's) path on disk; undefined for untitled and virtual documents. */
function fileOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The folder data paths are relative to: the notebook's (or file's) own folder. */
export function folderOf(uri: string): string {
  const file = fileOf(uri);
  return file ? dirname(file) : process.cwd(); // untitled and virtual documents: nothing better to go on
}

/** A data file's path as written in a source, made absolute against the program's folder. */
export function dataPath(folder: string, written: string): string {
  return resolve(folder, written);
}

/**
 * The data-file, warehouse and export checks of one cell's statements; `all` are the whole
 * notebook's, whose files its exports may not overwrite.
 */
export function fileDiagnostics(
  statements: Statement[],
  all: Statement[],
  program: {
    uri: string;
    folder: string;
    schemaOf: (source: SourceStatement) => SchemaAnswer | undefined;
    datesOf: (split: SplitStatement) => { file: string; range: DateRange } | undefined;
  },
): Diagnostic[] {
  const reads = notebookReadFiles(all, program.folder, fileOf(program.uri));
  return schemaDiagnostics(
    statements,
    program.folder,
    (source) => program.schemaOf(source),
    reads,
    (split) => program.datesOf(split),
  );
}
