// One program the server checks: the `clv` cells of a notebook in notebook order, or a lone
// `.clv` file as a single-cell program. It owns the core's incremental ProgramChecker (which
// reuses the parses and checks of unchanged cells) and remembers the last result until an
// edit or a data file change marks it stale, so every request between two edits shares one
// check.
import {
  ProgramChecker,
  type CellInput,
  type CellResult,
  type Definition,
  type Diagnostic,
  type ProgramResult,
  type SourceStatement,
  type SplitStatement,
} from '../../language';
import type { DataSchemas } from '../schema/data-schemas';
import type { DateRange, SampledColumn, SchemaAnswer } from '../schema/columns';
import { sourceFileSpec } from '../schema/source-file';
import { dateColumnsOf } from '../schema/split-range';
import { fileDiagnostics, folderOf } from './program-files';

export class NotebookProgram {
  readonly folder: string;
  private readonly checker: ProgramChecker;
  private last: ProgramResult | undefined;
  private readonly extra = new Map<string, Diagnostic[]>();
  /** Whether a check asked for columns still being read: their arrival must re-check this program. */
  private waitingForReads = false;

  constructor(
    readonly uri: string,
    private readonly cellInputs: () => CellInput[],
    private readonly schemas: DataSchemas,
  ) {
    this.folder = folderOf(uri);
    this.checker = new ProgramChecker({
      schema: (source, lookup) => {
        const schema = this.schemaIn(source, lookup);
        return schema?.kind === 'columns' ? schema.columns : undefined;
      },
    });
  }

  /** The text changed: the next request re-checks (only the cells that need it). */
  markStale(): void {
    this.last = undefined;
  }

  /** A data file changed, or columns arrived: schema answers differ, so cached cell checks are void too. */
  markSchemasChanged(): void {
    this.checker.invalidate();
    this.last = undefined;
    this.waitingForReads = false; // every source is asked again at the next check
  }

  /** Whether some source's columns were still being read when this program asked for them. */
  get waiting(): boolean {
    return this.waitingForReads;
  }

  private schemaIn(source: SourceStatement, lookup: (name: string) => Definition | undefined) {
    const schema = this.schemas.of(source, lookup, this.folder);
    if (schema?.kind === 'reading') this.waitingForReads = true;
    return schema;
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

  /** What is known of a source's columns (its file's header, or its table's catalog); undefined while being read. */
  schemaOf(source: SourceStatement): SchemaAnswer | undefined {
    return this.schemaIn(source, (name) => this.result().lookup(name)?.statement);
  }

  /** The date range of a split's source file, once the background read has it (split-outside-data). */
  datesOf(split: SplitStatement): { file: string; range: DateRange } | undefined {
    const source = this.source(split.source?.name ?? null);
    const spec = source && sourceFileSpec(source, this.folder);
    const dates = source && dateColumnsOf(source);
    if (!spec || !dates) return undefined;
    const range = this.schemas.dateRange(spec, dates);
    if (!range) this.waitingForReads = true; // its arrival re-checks this program
    return range && { file: source.path!.value, range };
  }

  /** Columns (with samples) of a source's data file or table, when they are known. */
  columnsOf(source: SourceStatement): SampledColumn[] | undefined {
    const schema = this.schemaOf(source);
    return schema?.kind === 'columns' ? schema.columns : undefined;
  }

  /**
   * Resolves once the headers and catalogs this program asked for have been read (or timed
   * out) and it has been checked with them: for a publication or a completion that should not
   * answer "columns unknown" just because a read was under way.
   */
  async settled(): Promise<void> {
    this.result();
    await this.schemas.idle();
  }

  /** The source statement defined under `name`, if any. */
  source(name: string | null): SourceStatement | undefined {
    const statement = name === null ? undefined : this.result().lookup(name)?.statement;
    return statement?.kind === 'Source' ? statement : undefined;
  }
}
