// The notebook as one program: every code cell parsed, definitions gathered across cells
// (order-independent), each cell checked against them, plus the whole-notebook checks
// (duplicates, cycles). `ProgramChecker` keeps, per cell text, the parse and the cell's
// diagnostics; they are reused as long as the notebook's "interface" (every definition's
// name, kind and the facts other cells rely on) is unchanged, so editing one cell's segment
// rule re-checks only that cell.
import type { Definition, Range, SourceStatement } from '../ast';
import type { CellDiagnostic, Diagnostic } from '../diagnostic';
import { parseCell } from '../parser/parse-cell';
import type {
  CellInput,
  CellResult,
  CheckOptions,
  DefinitionInfo,
  ParseResult,
  ProgramResult,
  ReferenceInfo,
  StatementInfo,
} from '../program-types';
import { LineIndex } from '../text';
import { trimmed } from '../trimmed';
import { checkCell } from './check-cell';
import type { LocalReference } from './context';
import { definitionKind, definitionName, definitionReferences, FactsTable, interfaceFacts } from './facts';
import { cycleDiagnostics, duplicateDiagnostics, wholeProgramFindings } from './whole-program';
import { DefinitionGraph, planRun } from '../graph';

/**
 * What one cell's text declares, independent of the rest of the notebook. (Classes here and
 * for `CellView`, not object literals with getters: V8 gives each such literal a hidden class
 * of its own, ten times the memory, and a notebook has thousands of cells.)
 */
class CellAnalysis {
  readonly parse: ParseResult;
  /** The cell's definitions, placed in the cell they were last asked for (see `definitionsIn`). */
  private definitions: DefinitionInfo[];
  readonly definitionReferences: LocalReference[];
  readonly interfaceKey: string;
  /** The cell's checker results, valid while the notebook's interface is `version`. */
  semantic?: { version: number; diagnostics: Diagnostic[]; references: LocalReference[] };
  private lineIndex?: LineIndex;

  constructor(
    readonly text: string,
    cellId: string,
  ) {
    this.parse = parseCell(text);
    const definitions: DefinitionInfo[] = [];
    const references: LocalReference[] = [];
    const keys: string[] = [];
    for (const statement of this.parse.statements) {
      const refs = definitionReferences(statement);
      for (const ref of refs) references.push({ name: ref.name, range: ref, role: 'definition' });
      const name = definitionName(statement);
      if (!name) continue;
      const dependencies = refs.map((r) => r.name);
      definitions.push({
        name: name.name,
        kind: definitionKind(statement)!,
        cellId,
        statement: statement as Definition,
        nameRange: name,
        dependencies,
      });
      keys.push(interfaceKey(statement as Definition, name.name, dependencies));
    }
    this.definitions = trimmed(definitions);
    this.definitionReferences = trimmed(references);
    this.interfaceKey = keys.join(';');
  }

  /** The definitions as placed in cell `cellId` (copied only when the text moved to another cell). */
  definitionsIn(cellId: string): DefinitionInfo[] {
    if (this.definitions.length && this.definitions[0].cellId !== cellId)
      this.definitions = this.definitions.map((d) => ({ ...d, cellId }));
    return this.definitions;
  }

  /** Made on first use: most cells of a large notebook are never asked for a position. */
  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }
}

export class ProgramChecker {
  private analyses = new Map<string, CellAnalysis>();
  private lastSchema: CheckOptions['schema'];
  /** The notebook's interface at the last check, and a number that changes whenever it does. */
  private lastEnvKey = '';
  private version = 0;
  private global: ReturnType<typeof wholeProgramFindings> = { duplicates: [], cycles: [] };
  /** Depends only on names and references, so it is rebuilt only when the interface changes. */
  private graph = new DefinitionGraph(new Map());
  private onCycle = new Set<string>();

  constructor(private readonly options: CheckOptions = {}) {}

  /** Forgets cached checks (e.g. when a data file changed, so schema answers differ). */
  invalidate(): void {
    this.version++;
    this.lastEnvKey = '';
  }

  check(cells: CellInput[]): ProgramResult {
    const used = new Map<string, CellAnalysis>();
    const analyses = cells.map((cell) => {
      const analysis = used.get(cell.text) ?? this.analyses.get(cell.text) ?? new CellAnalysis(cell.text, cell.id);
      used.set(cell.text, analysis);
      return analysis;
    });
    this.analyses = used;
    if (this.lastSchema !== this.options.schema) this.invalidate();
    this.lastSchema = this.options.schema;

    const definitions = new Map<string, DefinitionInfo[]>();
    cells.forEach((cell, i) => {
      for (const info of analyses[i].definitionsIn(cell.id)) {
        const list = definitions.get(info.name);
        if (list) list.push(info);
        else definitions.set(info.name, [info]);
      }
    });
    // Compared once per check (not once per cell: the key is as long as the notebook's definitions).
    const envKey = analyses.map((a) => a.interfaceKey).join('\n');
    if (envKey !== this.lastEnvKey) {
      this.version++;
      this.lastEnvKey = envKey;
      this.graph = new DefinitionGraph(definitions);
      this.global = wholeProgramFindings(definitions, this.graph);
      this.onCycle = new Set(this.global.cycles.flat());
    }
    const lookup = (name: string) => definitions.get(name)?.[0].statement;
    const schema = this.options.schema;
    const env = {
      lookup,
      names: () => definitions.keys(),
      facts: new FactsTable(lookup, this.onCycle),
      schema: (s: SourceStatement) => schema?.(s, lookup),
    };
    for (const analysis of analyses) {
      if (analysis.semantic?.version === this.version) continue;
      const result = checkCell(analysis.parse.statements, env);
      analysis.semantic = {
        version: this.version,
        diagnostics: trimmed(result.diagnostics),
        references: trimmed(result.references),
      };
    }

    const cellIndex = new Map(cells.map((c, i) => [c.id, i]));
    const location = (d: DefinitionInfo) =>
      `cell ${cellIndex.get(d.cellId)! + 1}, line ${analyses[cellIndex.get(d.cellId)!].lines.positionAt(d.nameRange.start).line + 1}`;
    const global = [
      ...duplicateDiagnostics(this.global.duplicates, definitions, location),
      ...cycleDiagnostics(this.global.cycles, definitions, this.graph),
    ];
    return new Program(cells, analyses, definitions, this.graph, global);
  }
}

/** Checks a notebook once. For repeated checks of a changing notebook use `ProgramChecker`. */
export function checkProgram(cells: CellInput[], options: CheckOptions = {}): ProgramResult {
  return new ProgramChecker(options).check(cells);
}

/** What other cells' checks may depend on in a definition (not the rest of its block or rules). */
function interfaceKey(d: Definition, name: string, dependencies: string[]): string {
  return `${d.kind} ${name}(${dependencies.join(',')}) ${interfaceFacts(d)}`;
}

class CellView implements CellResult {
  readonly text: string;
  readonly parse: ParseResult;

  constructor(
    readonly id: string,
    private readonly analysis: CellAnalysis,
    readonly diagnostics: Diagnostic[],
  ) {
    this.text = analysis.text;
    this.parse = analysis.parse;
  }

  get lines(): LineIndex {
    return this.analysis.lines;
  }
}

class Program implements ProgramResult {
  readonly cells: CellResult[];
  readonly diagnostics: CellDiagnostic[] = [];
  private readonly byId = new Map<string, number>();
  private plan?: { runOrder: StatementInfo[]; blocked: StatementInfo[] };
  private referenceList?: ReferenceInfo[];

  constructor(
    inputs: CellInput[],
    private readonly analyses: CellAnalysis[],
    readonly definitions: Map<string, DefinitionInfo[]>,
    private readonly graph: DefinitionGraph,
    global: (Diagnostic & { cellId: string })[],
  ) {
    const globalByCell = new Map<string, Diagnostic[]>();
    // Push, not spread: copying the list per diagnostic made 12,000 duplicate definitions quadratic.
    for (const { cellId, ...d } of global) {
      const list = globalByCell.get(cellId);
      if (list) list.push(d);
      else globalByCell.set(cellId, [d]);
    }
    this.cells = inputs.map((cell, i) => {
      const a = analyses[i];
      this.byId.set(cell.id, i);
      const global = globalByCell.get(cell.id);
      // Most cells of a notebook have nothing to report: no merging and sorting for them.
      const diagnostics =
        a.parse.errors.length + a.semantic!.diagnostics.length === 0 && !global
          ? []
          : [...a.parse.errors, ...a.semantic!.diagnostics, ...(global ?? [])].sort(
              (x, y) => x.range.start - y.range.start || x.range.end - y.range.end,
            );
      for (const d of diagnostics) this.diagnostics.push({ ...d, cellId: cell.id });
      return new CellView(cell.id, a, diagnostics);
    });
  }

  cell(id: string): CellResult | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.cells[i];
  }

  lookup(name: string): DefinitionInfo | undefined {
    return this.definitions.get(name)?.[0];
  }

  get references(): ReferenceInfo[] {
    if (!this.referenceList) {
      const list: ReferenceInfo[] = (this.referenceList = []);
      this.cells.forEach((cell, i) => {
        const a = this.analyses[i];
        for (const r of [...a.definitionReferences, ...a.semantic!.references]) {
          const info: ReferenceInfo = { ...r, cellId: cell.id };
          const target = r.role === 'definition' ? this.lookup(r.name) : undefined;
          if (target) info.target = target;
          list.push(info);
        }
      });
    }
    return this.referenceList;
  }

  referencesTo(name: string): ReferenceInfo[] {
    return this.references.filter((r) => r.role === 'definition' && r.name === name);
  }

  symbolAt(cellId: string, offset: number): ReturnType<ProgramResult['symbolAt']> {
    const i = this.byId.get(cellId);
    if (i === undefined) return undefined;
    const inside = (r: Range) => r.start <= offset && offset <= r.end;
    for (const d of this.analyses[i].definitionsIn(cellId)) {
      if (inside(d.nameRange))
        return { name: d.name, range: d.nameRange, role: 'declaration', definition: this.lookup(d.name) };
    }
    const a = this.analyses[i];
    for (const r of [...a.definitionReferences, ...a.semantic!.references]) {
      if (inside(r.range))
        return {
          name: r.name,
          range: r.range,
          role: r.role,
          definition: r.role === 'definition' ? this.lookup(r.name) : undefined,
        };
    }
    return undefined;
  }

  private get runPlan() {
    this.plan ??= planRun(
      this.cells.map((c) => ({ cellId: c.id, statements: c.parse.statements })),
      this.definitions,
      this.graph,
    );
    return this.plan;
  }

  get runOrder(): StatementInfo[] {
    return this.runPlan.runOrder;
  }

  get blocked(): StatementInfo[] {
    return this.runPlan.blocked;
  }
}
