// Facts about a definition that checks elsewhere rely on: what kind of source is underneath,
// whether spend amounts and dates exist, the split's time unit, which models and values are
// upstream. Derived from the statements alone (no data), following references across cells.
import type {
  Definition,
  DefinitionKind,
  Identifier,
  SegmentsStatement,
  SourceStatement,
  Statement,
  TimeUnit,
} from '../ast';
import { modelKindInfo, type ModelKindInfo } from '../catalog/models';
import { roleInfo, type SourceKind } from '../catalog/sources';
import { DepthFirst } from '../graph/depth-first';

/** The kind of data a source holds, from the roles it maps (the first role decides). */
export function sourceKindOf(source: SourceStatement): SourceKind | undefined {
  for (const item of source.block?.items ?? []) {
    if (item.kind === 'Mapping') {
      const role = roleInfo(item.role.name);
      if (role) return role.kind;
    }
  }
  return undefined;
}

export function mapsRole(source: SourceStatement, role: string): boolean {
  return (source.block?.items ?? []).some(
    (item) => item.kind === 'Mapping' && (item.role.name === role || roleInfo(item.role.name)?.aliasOf === role),
  );
}

const DEFINITION_KINDS: Partial<Record<Statement['kind'], DefinitionKind>> = {
  Connection: 'connection',
  Source: 'source',
  Split: 'split',
  Model: 'model',
  Value: 'value',
  Segments: 'segments',
  Table: 'table',
};

export function definitionKind(statement: Statement): DefinitionKind | undefined {
  return DEFINITION_KINDS[statement.kind];
}

/** The name a statement defines, if it is a definition and the name parsed. */
export function definitionName(statement: Statement): Identifier | null {
  return definitionKind(statement) ? (statement as Definition).name : null;
}

/** The names a statement refers to as definitions, in order of appearance. */
export function definitionReferences(statement: Statement): Identifier[] {
  switch (statement.kind) {
    case 'Source':
      return statement.connection ? [statement.connection] : [];
    case 'Split':
      return statement.source ? [statement.source] : [];
    case 'Model':
    case 'Value':
      return statement.call?.args ?? [];
    case 'Segments':
      return statement.on ? [statement.on] : [];
    case 'Chart':
    case 'Table':
    case 'Export':
      return statement.target ? [statement.target] : [];
    case 'Compare':
      return statement.models;
    default:
      return [];
  }
}

export interface Facts {
  kind: DefinitionKind;
  /** The kind of data at the bottom of the chain (undefined when unknown or broken). */
  sourceKind?: SourceKind;
  /** The source at the bottom of the chain. */
  source?: SourceStatement;
  hasAmount: boolean;
  hasDates: boolean;
  /** The split's time unit (weeks when there is no split). */
  unit: TimeUnit;
  hasHoldout: boolean;
  /** For a model: its kind; for a value: the kind of its first model. */
  model?: ModelKindInfo;
  hasPurchaseModel: boolean;
  /** A purchase model with a `horizon` option (its forecast length for `expected_purchases`). */
  hasHorizon: boolean;
  /** A purchase model upstream computes bootstrap intervals (`intervals` option). */
  hasIntervals: boolean;
  hasSpendModel: boolean;
  hasValue: boolean;
  hasSegments: boolean;
  /** The segments definition upstream (its labels are the values `segment` can take). */
  segments?: SegmentsStatement;
}

/** Facts of a definition with nothing upstream (or a broken reference). */
function emptyFacts(kind: DefinitionKind): Facts {
  return {
    kind,
    sourceKind: undefined,
    source: undefined,
    hasAmount: false,
    hasDates: false,
    unit: 'weeks',
    hasHoldout: false,
    model: undefined,
    hasPurchaseModel: false,
    hasHorizon: false,
    hasIntervals: false,
    hasSpendModel: false,
    hasValue: false,
    hasSegments: false,
    segments: undefined,
  };
}

/**
 * `facts` as the facts of a `kind` built on it. Every field is listed (not `{ ...facts, kind }`)
 * so that all facts share one object shape: a notebook computes thousands of them per check.
 */
function derived(f: Facts, kind: DefinitionKind): Facts {
  return {
    kind,
    sourceKind: f.sourceKind,
    source: f.source,
    hasAmount: f.hasAmount,
    hasDates: f.hasDates,
    unit: f.unit,
    hasHoldout: f.hasHoldout,
    model: f.model,
    hasPurchaseModel: f.hasPurchaseModel,
    hasHorizon: f.hasHorizon,
    hasIntervals: f.hasIntervals,
    hasSpendModel: f.hasSpendModel,
    hasValue: f.hasValue,
    hasSegments: f.hasSegments,
    segments: f.segments,
  };
}

/**
 * Computes facts lazily, once per definition per check. A definition on a cycle has no facts
 * (nothing is known of it), whichever definition a check asks about first: an incremental
 * check asks only about the cells it re-checks, and must answer as a whole check does.
 */
export class FactsTable {
  private readonly cache = new Map<string, Facts>();
  // What a definition's facts build on is computed first.
  private readonly walk = new DepthFirst<string>({
    dependencies: (name) => {
      const definition = this.lookup(name);
      return definition ? upstreamNames(definition).filter((n) => this.lookup(n) && !this.onCycle.has(n)) : [];
    },
    leave: (name) => {
      const definition = this.lookup(name);
      if (definition) this.cache.set(name, this.compute(definition));
    },
  });

  constructor(
    private readonly lookup: (name: string) => Definition | undefined,
    /** The names on a cycle of references (every cycle of `upstreamNames` is among them). */
    private readonly onCycle: ReadonlySet<string>,
  ) {}

  of(name: string): Facts | undefined {
    if (this.onCycle.has(name)) return undefined;
    if (!this.cache.has(name)) this.walk.walk(name);
    return this.cache.get(name);
  }

  private compute(d: Definition): Facts {
    const kind = definitionKind(d)!;
    switch (d.kind) {
      case 'Connection':
        return emptyFacts(kind);
      case 'Source': {
        const facts = emptyFacts(kind);
        facts.sourceKind = sourceKindOf(d);
        facts.source = d;
        facts.hasAmount = mapsRole(d, facts.sourceKind === 'summary' ? 'monetary' : 'amount');
        facts.hasDates = facts.sourceKind === 'transactions';
        return facts;
      }
      case 'Split': {
        const facts = this.upstream(d.source, kind);
        facts.unit = d.unit?.unit ?? 'weeks';
        facts.hasHoldout = d.holdoutEnd !== null;
        return facts;
      }
      case 'Model': {
        const facts = this.upstream(d.call?.args[0], kind);
        facts.model = d.call ? modelKindInfo(d.call.callee.name) : undefined;
        facts.hasPurchaseModel = facts.model?.role === 'purchase';
        facts.hasSpendModel = facts.model?.role === 'spend';
        const option = (name: string) =>
          facts.hasPurchaseModel && (d.block?.items ?? []).some((i) => i.kind === 'Option' && i.name.name === name);
        facts.hasHorizon = option('horizon');
        facts.hasIntervals = option('intervals');
        return facts;
      }
      case 'Value': {
        const args = d.call?.args ?? [];
        const facts = this.upstream(args[0], kind);
        const spend = args[1] ? this.of(args[1].name) : undefined;
        facts.hasSpendModel ||= spend?.hasSpendModel === true;
        facts.hasValue = true;
        return facts;
      }
      case 'Segments': {
        const facts = this.upstream(d.on, kind);
        facts.hasSegments = true;
        facts.segments = d;
        return facts;
      }
      case 'Table':
        return this.upstream(d.target, kind);
    }
  }

  /** A copy of the facts of what `name` refers to, as the facts of a `kind` built on it (`upstreamNames`). */
  private upstream(name: Identifier | null | undefined, kind: DefinitionKind): Facts {
    const facts = name ? this.of(name.name) : undefined;
    return facts ? derived(facts, kind) : emptyFacts(kind);
  }
}

/**
 * What checks of other cells read of a definition itself, beyond its kind, name and references
 * (the facts `compute` takes from it, and the model kind): the checker re-checks every cell when
 * it changes, so keep it in step with `compute`.
 */
export function interfaceFacts(d: Definition): string {
  switch (d.kind) {
    case 'Source':
      return `${d.format?.name}:${(d.block?.items ?? []).map((i) => (i.kind === 'Mapping' ? i.role.name : '')).join(',')}`;
    case 'Split':
      return `${d.unit?.unit}:${d.holdoutEnd !== null}`;
    case 'Model': {
      const options = (d.block?.items ?? []).flatMap((i) => (i.kind === 'Option' ? [i.name.name] : []));
      return `${d.call?.callee.name}:${options.includes('horizon')}:${options.includes('intervals')}`;
    }
    case 'Value':
      return d.call?.callee.name ?? '';
    case 'Segments':
      return JSON.stringify(d.rules.map((r) => r.label.value));
    // A source's columns come through its connection: a different database is a different schema.
    case 'Connection':
      return JSON.stringify([d.engine?.name, d.via?.name, d.target?.value]);
    default:
      return '';
  }
}

/** The names whose facts `compute` reads for a definition. */
function upstreamNames(d: Definition): string[] {
  const names = (ids: (Identifier | null | undefined)[]) => ids.flatMap((id) => (id ? [id.name] : []));
  switch (d.kind) {
    case 'Connection':
    case 'Source':
      return [];
    case 'Split':
      return names([d.source]);
    case 'Model':
      return names([d.call?.args[0]]);
    case 'Value':
      return names([d.call?.args[0], d.call?.args[1]]);
    case 'Segments':
      return names([d.on]);
    case 'Table':
      return names([d.target]);
  }
}
