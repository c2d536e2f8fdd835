// One program the server checks: the `clv` cells of a notebook in notebook order, or a lone
// `.clv` file as a single-cell program. It owns the core's incremental ProgramChecker (which
// reuses the parses and checks of unchanged cells) and remembers the last result until an
// edit or a data file change marks it stale, so every request between two edits shares one
// check.
import {
  ProgramChecker,
  type CellInput,
  type CellResult,
  type Diagnostic,
  type ProgramResult,
  type SourceStatement,
} from '../../language';
import type { SchemaCache } from '../schema/schema-cache';
import { sourceFileSpec } from '../schema/source-file';
import type { SampledColumn } from '../schema/columns';
import { fileDiagnostics, folderOf } from './program-files';

export class NotebookProgram {
  readonly folder: string;
  private readonly checker: ProgramChecker;
  private last: ProgramResult | undefined;
  private readonly extra = new Map<string, Diagnostic[]>();

  constructor(
    readonly uri: string,
    private readonly cellInputs: () => CellInput[],
    readonly schemas: SchemaCache,
  ) {
    this.folder = folderOf(uri);
    this.checker = new ProgramChecker({ schema: (source) => this.columnsOf(source) });
  }

  /** The text changed: the next request re-checks (only the cells that need it). */
  markStale(): void {
    this.last = undefined;
  }

  /** A data file changed: schema answers differ, so cached cell checks are void too. */
  markSchemasChanged(): void {
    this.checker.invalidate();
    this.last = undefined;
  }

  result(): ProgramResult {
    if (!this.last) {
      this.last = this.checker.check(this.cellInputs());
      this.extra.clear();
    }
    return this.last;
  }

  cell(uri: string): CellResult | undefined {
    return this.result().cell(uri);
  }

  /** Checker diagnostics plus the data-file checks, for one cell. */
  diagnostics(uri: string): Diagnostic[] {
    const cell = this.cell(uri);
    if (!cell) return [];
    let extra = this.extra.get(uri);
    if (!extra) {
      const statements = this.result().cells.flatMap((c) => c.parse.statements);
      extra = fileDiagnostics(cell.parse.statements, statements, this);
      this.extra.set(uri, extra);
    }
    return extra.length ? [...cell.diagnostics, ...extra] : cell.diagnostics;
  }

  /** Columns (with samples) of a source's data file, when they can be read. */
  columnsOf(source: SourceStatement): SampledColumn[] | undefined {
    const spec = sourceFileSpec(source, this.folder);
    const schema = spec && this.schemas.get(spec);
    return schema?.kind === 'columns' ? schema.columns : undefined;
  }

  /** The source statement defined under `name`, if any. */
  source(name: string | null): SourceStatement | undefined {
    const statement = name === null ? undefined : this.result().lookup(name)?.statement;
    return statement?.kind === 'Source' ? statement : undefined;
  }
}
