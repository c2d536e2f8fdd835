// The data-file checks of `clvnb check` and `clvnb run`, shared with the language server so
// the command line reports exactly what the editor shows: column names against the file's
// header (through the checker's schema callback), a data file that cannot be read, and a
// date format that does not match the sampled values.
import type { ReadFile } from '../files/write-policy';
import type { CheckOptions, Diagnostic, Statement } from '../language';
import { SchemaCache } from '../lsp/schema/schema-cache';
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
  // Each file is read once per command; the cache's folder watches do not keep the process alive.
  const cache = new SchemaCache(() => undefined);
  return {
    schema(source) {
      const spec = sourceFileSpec(source, notebookDir);
      const schema = spec && cache.get(spec);
      return schema?.kind === 'columns' ? schema.columns : undefined;
    },
    diagnostics: (statements, reads) => schemaDiagnostics(statements, notebookDir, cache, reads),
  };
}
