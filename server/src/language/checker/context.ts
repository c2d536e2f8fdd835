// What a statement check sees: the notebook's definitions (by name, with derived facts), the
// optional schema callback, and sinks for diagnostics and for the names it resolved.
import type { Definition, Range, SourceStatement } from '../ast';
import type { Diagnostic, DiagnosticData, Severity } from '../diagnostic';
import type { ColumnInfo, ReferenceRole } from '../program-types';
import type { FactsTable } from './facts';

export interface Environment {
  lookup(name: string): Definition | undefined;
  /** Every defined name (for did-you-mean). */
  names(): Iterable<string>;
  facts: FactsTable;
  schema(source: SourceStatement): ColumnInfo[] | undefined;
}

export interface LocalReference {
  name: string;
  range: Range;
  role: ReferenceRole;
}

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly references: LocalReference[] = [];

  constructor(readonly env: Environment) {}

  /** `range` may be a node: only its offsets are kept, so a diagnostic never holds a syntax tree. */
  report(range: Range, severity: Severity, code: string, message: string, data?: DiagnosticData): void {
    const diagnostic: Diagnostic = { range: { start: range.start, end: range.end }, severity, code, message };
    if (data) diagnostic.data = data;
    this.diagnostics.push(diagnostic);
  }

  error(range: Range, code: string, message: string, data?: DiagnosticData): void {
    this.report(range, 'error', code, message, data);
  }

  warning(range: Range, code: string, message: string, data?: DiagnosticData): void {
    this.report(range, 'warning', code, message, data);
  }

  reference(name: string, range: Range, role: ReferenceRole): void {
    this.references.push({ name, range, role });
  }
}

/** `data` for a did-you-mean diagnostic, or undefined when there is no suggestion. */
export function suggestionData(suggestions: string[]): DiagnosticData | undefined {
  return suggestions.length ? { replacement: suggestions[0], candidates: suggestions } : undefined;
}
