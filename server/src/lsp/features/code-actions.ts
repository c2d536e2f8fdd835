// Quick fixes. The core attaches the fix to a diagnostic (`data.replacement` and
// `data.candidates`: every "did you mean", a missing unit, a percent written as a fraction);
// a missing `otherwise` gets a catch-all rule. The server's own current diagnostics are
// used rather than the client's copy, so a fix never applies to stale text.
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver';
import type { CellResult, Diagnostic, SegmentsStatement } from '../../language';
import { toLspDiagnostic, toLspRange, toOffset } from '../convert';
import type { Workspace } from '../workspace/workspace';
import { locate } from './locate';

export const OTHERWISE_LABEL = 'Everyone else';

function replacementFixes(uri: string, cell: CellResult, d: Diagnostic): CodeAction[] {
  const replacement = d.data?.replacement;
  const candidates = d.data?.candidates ?? (replacement ? [replacement] : []);
  const range = toLspRange(cell, d.range);
  return candidates.map((text, i) => ({
    title:
      d.code === 'missing-unit' || d.code === 'invalid-option-value' || d.code === 'out-of-range'
        ? `Write \`${text}\``
        : `Change to \`${text}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(cell, d)],
    isPreferred: i === 0,
    edit: { changes: { [uri]: [{ range, newText: text }] } },
  }));
}

/** Adds `"Everyone else" otherwise` as the last rule, on its own line before the `}`. */
function otherwiseFix(uri: string, cell: CellResult, d: Diagnostic): CodeAction[] {
  const s = cell.parse.statements.find(
    (x): x is SegmentsStatement => x.kind === 'Segments' && x.start <= d.range.start && d.range.end <= x.end,
  );
  if (!s || !s.closed) return [];
  const brace = cell.text.lastIndexOf('}', s.end);
  const lineStart = Math.max(cell.text.lastIndexOf('\n', brace - 1), cell.text.lastIndexOf('\r', brace - 1)) + 1;
  const rule = `  "${OTHERWISE_LABEL}" otherwise\n`;
  const braceAlone = cell.text.slice(lineStart, brace).trim() === '';
  const edit: TextEdit = braceAlone
    ? { range: toLspRange(cell, { start: lineStart, end: lineStart }), newText: rule }
    : { range: toLspRange(cell, { start: brace, end: brace }), newText: `\n${rule}` };
  return [
    {
      title: `Add \`"${OTHERWISE_LABEL}" otherwise\``,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(cell, d)],
      isPreferred: true,
      edit: { changes: { [uri]: [edit] } },
    },
  ];
}

export function codeActions(workspace: Workspace, params: CodeActionParams): CodeAction[] {
  const located = locate(workspace, params.textDocument.uri);
  if (!located) return [];
  const { cell, program } = located;
  const start = toOffset(cell, params.range.start);
  const end = toOffset(cell, params.range.end);
  const touching = program.diagnostics(cell.id).filter((d) => d.range.start <= end && start <= d.range.end);
  return touching.flatMap((d) =>
    d.code === 'missing-otherwise' ? otherwiseFix(cell.id, cell, d) : replacementFixes(cell.id, cell, d),
  );
}
