// Between the core's offsets-in-a-cell and LSP's line/character positions.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range as LspRange } from 'vscode-languageserver/node';
import type { Diagnostic, LineIndex, Range } from '../language';

export function toLspRange(lines: LineIndex, range: Range): LspRange {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(lines: LineIndex, d: Diagnostic): LspDiagnostic {
  // `data` travels back with code action requests: it carries the did-you-mean replacement.
  return { range: toLspRange(lines, d.range), severity: SEVERITY[d.severity], code: d.code, source: 'clv', message: d.message, data: d.data };
}
