// The data-file checks of `clvnb check` and `clvnb run`, shared with the language server so
// the command line reports exactly what the editor shows: column names against the file's
// header (through the checker's schema callback), a data file that cannot be read, and a
// date format that does not match the sampled values.
import type { ReadFile } from '../files/write-policy';
import type { CheckOptions, Diagnostic, Statement } from '../language';
import type { SourceStatement } from '../language';
import type { FileSchema } from '../lsp/schema/columns';
import { readSchema } from '../lsp/schema/read-schema';
import { schemaDiagnostics } from '../lsp/schema/schema-diagnostics';
import { sourceFileSpec } from '../lsp/schema/source-file';

export interface DataFileChecks {
  schema: NonNullable<CheckOptions['schema']>;
  /**
   * Diagnostics about the data files and export paths of one cell's statements; `reads` are
   * the files the notebook reads (notebookReadFiles), which its exports may not overwrite.
   */
  diagnostics(statements: Statement[], reads: ReadFile[]): Diagnostic[];
}

export function dataFileChecks(notebookDir: string): DataFileChecks {
  // Each file is read once per command, synchronously: a command has nothing else to answer meanwhile.
  const read = new Map<string, FileSchema>();
  const schemaOf = (source: SourceStatement): FileSchema | undefined => {
    const spec = sourceFileSpec(source, notebookDir);
    if (!spec) return undefined;
    const key = JSON.stringify(spec);
    if (!read.has(key)) read.set(key, readSchema(spec));
    return read.get(key);
  };
  return {
    schema(source) {
      const schema = schemaOf(source);
      return schema?.kind === 'columns' ? schema.columns : undefined;
    },
    diagnostics: (statements, reads) => schemaDiagnostics(statements, notebookDir, schemaOf, reads),
  };
}
