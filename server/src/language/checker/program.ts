// The notebook as one program: every code cell parsed, definitions gathered across cells
// (order-independent), each cell checked against them, plus the whole-notebook checks
// (duplicates, cycles). `ProgramChecker` keeps, per cell text, the parse and the cell's
// diagnostics; they are reused as long as the notebook's "interface" (every definition's
// name, kind and the facts other cells rely on) is unchanged, so editing one cell's segment
// rule re-checks only that cell.
import type { Definition, Range, SourceStatement } from '../ast';
import type { CellDiagnostic, Diagnostic } from '../diagnostic';
import { parseCell } from '../parser/parse-cell';
import type { CellInput, CellResult, CheckOptions, DefinitionInfo, ParseResult, ProgramResult, ReferenceInfo, StatementInfo } from '../program-types';
import { LineIndex } from '../text';
import { checkCell } from './check-cell';
import type { LocalReference } from './context';
import { definitionKind, definitionName, definitionReferences, FactsTable, sourceKindOf } from './facts';
import { cycleDiagnostics, duplicateDiagnostics, wholeProgramFindings } from './whole-program';
import { planRun } from './run-order';

interface LocalDefinition {
  name: string;
  statement: Definition;
  nameRange: Range;
  dependencies: string[];
}

interface CellAnalysis {
  text: string;
  parse: ParseResult;
  lines: LineIndex;
  definitions: LocalDefinition[];
  definitionReferences: LocalReference[];
  interfaceKey: string;
  /** The cell's checker results, valid while the notebook's interface is `version`. */
  semantic?: { version: number; diagnostics: Diagnostic[]; references: LocalReference[] };
}

export class ProgramChecker {
  private analyses = new Map<string, CellAnalysis>();
  private lastSchema: CheckOptions['schema'];
  /** The notebook's interface at the last check, and a number that changes whenever it does. */
  private lastEnvKey = '';
  private version = 0;
  private global: ReturnType<typeof wholeProgramFindings> = { duplicates: [], cycles: [] };

  constructor(private readonly options: CheckOptions = {}) {}

  /** Forgets cached checks (e.g. when a data file changed, so schema answers differ). */
  invalidate(): void {
    this.version++;
    this.lastEnvKey = '';
  }

  check(cells: CellInput[]): ProgramResult {
    const used = new Map<string, CellAnalysis>();
    const analyses = cells.map((cell) => {
      const analysis = used.get(cell.text) ?? this.analyses.get(cell.text) ?? analyse(cell.text);
      used.set(cell.text, analysis);
      return analysis;
    });
    this.analyses = used;
    if (this.lastSchema !== this.options.schema) this.invalidate();
    this.lastSchema = this.options.schema;

    const definitions = new Map<string, DefinitionInfo[]>();
    cells.forEach((cell, i) => {
      for (const d of analyses[i].definitions) {
        const info: DefinitionInfo = { name: d.name, kind: definitionKind(d.statement)!, cellId: cell.id, statement: d.statement, nameRange: d.nameRange, dependencies: d.dependencies };
        const list = definitions.get(d.name);
        if (list) list.push(info);
        else definitions.set(d.name, [info]);
      }
    });
    const lookup = (name: string) => definitions.get(name)?.[0].statement;
    const schema = this.options.schema;
    const env = { lookup, names: () => definitions.keys(), facts: new FactsTable(lookup), schema: (s: SourceStatement) => schema?.(s) };
    // Compared once per check (not once per cell: the key is as long as the notebook's definitions).
    const envKey = analyses.map((a) => a.interfaceKey).join('\n');
    if (envKey !== this.lastEnvKey) {
      this.version++;
      this.lastEnvKey = envKey;
      this.global = wholeProgramFindings(definitions);
    }
    for (const analysis of analyses) {
      if (analysis.semantic?.version === this.version) continue;
      const result = checkCell(analysis.parse.statements, env);
      analysis.semantic = { version: this.version, diagnostics: result.diagnostics, references: result.references };
    }

    const cellIndex = new Map(cells.map((c, i) => [c.id, i]));
    const location = (d: DefinitionInfo) => `cell ${cellIndex.get(d.cellId)! + 1}, line ${analyses[cellIndex.get(d.cellId)!].lines.positionAt(d.nameRange.start).line + 1}`;
    const global = [...duplicateDiagnostics(this.global.duplicates, definitions, location), ...cycleDiagnostics(this.global.cycles, definitions)];
    return new Program(cells, analyses, definitions, global);
  }
}

/** Checks a notebook once. For repeated checks of a changing notebook use `ProgramChecker`. */
export function checkProgram(cells: CellInput[], options: CheckOptions = {}): ProgramResult {
  return new ProgramChecker(options).check(cells);
}

function analyse(text: string): CellAnalysis {
  const parse = parseCell(text);
  const definitions: LocalDefinition[] = [];
  const references: LocalReference[] = [];
  const keys: string[] = [];
  for (const statement of parse.statements) {
    const refs = definitionReferences(statement);
    for (const ref of refs) references.push({ name: ref.name, range: ref.range, role: 'definition' });
    const name = definitionName(statement);
    if (!name) continue;
    const dependencies = refs.map((r) => r.name);
    definitions.push({ name: name.name, statement: statement as Definition, nameRange: name.range, dependencies });
    keys.push(interfaceKey(statement as Definition, name.name, dependencies));
  }
  let lines: LineIndex | undefined;
  return {
    text,
    parse,
    // Made on first use: most cells of a large notebook are never asked for a position.
    get lines() {
      lines ??= new LineIndex(text);
      return lines;
    },
    definitions,
    definitionReferences: references,
    interfaceKey: keys.join(';'),
  };
}

/** What other cells' checks may depend on in a definition (not its block options or rules). */
function interfaceKey(d: Definition, name: string, dependencies: string[]): string {
  let extra = '';
  if (d.kind === 'Source') extra = `${d.format?.name}:${sourceKindOf(d)}:${(d.block?.items ?? []).map((i) => (i.kind === 'Mapping' ? i.role.name : '')).join(',')}`;
  else if (d.kind === 'Split') extra = `${d.unit?.unit}:${d.holdoutEnd !== null}`;
  else if (d.kind === 'Model' || d.kind === 'Value') extra = d.call?.callee.name ?? '';
  return `${d.kind} ${name}(${dependencies.join(',')}) ${extra}`;
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
    global: (Diagnostic & { cellId: string })[],
  ) {
    const globalByCell = new Map<string, Diagnostic[]>();
    for (const { cellId, ...d } of global) globalByCell.set(cellId, [...(globalByCell.get(cellId) ?? []), d]);
    this.cells = inputs.map((cell, i) => {
      const a = analyses[i];
      this.byId.set(cell.id, i);
      const diagnostics = [...a.parse.errors, ...a.semantic!.diagnostics, ...(globalByCell.get(cell.id) ?? [])].sort((x, y) => x.range.start - y.range.start || x.range.end - y.range.end);
      for (const d of diagnostics) this.diagnostics.push({ ...d, cellId: cell.id });
      return {
        id: cell.id,
        text: cell.text,
        parse: a.parse,
        get lines() {
          return a.lines;
        },
        diagnostics,
      };
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
    for (const d of this.analyses[i].definitions) {
      if (inside(d.nameRange)) return { name: d.name, range: d.nameRange, role: 'declaration', definition: this.lookup(d.name) };
    }
    const a = this.analyses[i];
    for (const r of [...a.definitionReferences, ...a.semantic!.references]) {
      if (inside(r.range)) return { name: r.name, range: r.range, role: r.role, definition: r.role === 'definition' ? this.lookup(r.name) : undefined };
    }
    return undefined;
  }

  private get runPlan() {
    this.plan ??= planRun(this.cells.map((c) => ({ cellId: c.id, statements: c.parse.statements })), this.definitions);
    return this.plan;
  }

  get runOrder(): StatementInfo[] {
    return this.runPlan.runOrder;
  }

  get blocked(): StatementInfo[] {
    return this.runPlan.blocked;
  }

  dependents(name: string): string[] {
    const result: string[] = [];
    const seen = new Set([name]);
    const queue = [name];
    while (queue.length) {
      const current = queue.shift()!;
      for (const [other, infos] of this.definitions) {
        if (!seen.has(other) && infos[0].dependencies.includes(current)) {
          seen.add(other);
          result.push(other);
          queue.push(other);
        }
      }
    }
    return result;
  }
}
